//! Tiếng Việt — the default language of every output.

use super::*;

pub static WORDS: Words = Words {
    verdict: VerdictWords {
        pass: "Đạt",
        fail: "Không đạt",
        cannot_tell: "Chưa xác định",
        resubmit: "Cần nộp lại",
        resubmit_ask: "Đề nghị tác giả gửi lại tệp đọc được (bản Word .docx hoặc PDF có lớp chữ) trước khi sơ loại.",
    },
    captions: Captions {
        id: "Mã bài",
        file: "Tệp",
        title: "Tên bài dự thi",
        authors: "Tác giả",
        unit: "Đơn vị",
        receiving_point: "Đầu mối tiếp nhận",
        submitted: "Ngày nộp",
        declared_area: "Lĩnh vực đăng ký",
        detected_area: "Lĩnh vực (phát hiện)",
        area: "Lĩnh vực",
        originality: "Tỷ lệ nguyên gốc",
        similarity: "Tỷ lệ trùng lặp",
        verdict: "Kết quả sơ loại",
        forward: "Đề nghị chuyển vòng chấm",
        flags: "Cảnh báo",
        checks: "Hình thức",
        failed_checks: "Tiêu chí không đạt",
        top_source: "Nguồn trùng chính",
        error: "Lỗi",
        status: "Trạng thái",
        yes: "Có",
        no: "Không",
        unit_kind: "Loại đơn vị",
        entries: "Số bài",
        quota_min: "Chỉ tiêu tối thiểu",
        meets_quota: "Đạt chỉ tiêu",
        owes_explanation: "Phải giải trình",
        source: "Nguồn trùng",
        matched_passage: "Đoạn trùng",
        excluded_passage: "Đoạn được loại trừ",
        evidence: "Căn cứ",
        code: "Mã",
        rule: "Tiêu chí",
        result: "Kết quả",
        confidence: "độ tin cậy",
        status_read: "Đọc được",
        status_unreadable: "Không đọc được tệp",
        duplicate_of: "Trùng tệp với",
    },
    codes: Codes {
        check: check_name,
        flag: flag_name,
        match_kind,
        signal,
        source_kind,
        excluded_reason,
        area,
        unit_kind,
    },
    dashboard: Dashboard {
        heading: "Kết quả sơ loại bài dự thi",
        profile: "Bộ tiêu chí",
        generated: "Lập lúc",
        files: "Tệp kèm theo",
        summary_xlsx: "Bảng tổng hợp (Excel)",
        summary_csv: "Bảng tổng hợp (CSV)",
        minutes_docx: "Biên bản sơ loại (Word)",
        report_json: "Dữ liệu đầy đủ (JSON)",
        total: "Tổng số bài",
        flagged: "Có cảnh báo",
        entries_heading: "Danh sách bài dự thi",
        search_placeholder: "Tìm theo mã, tên bài, tác giả, đơn vị… (gõ không dấu cũng được)",
        search: "Tìm kiếm",
        all_verdicts: "Mọi kết quả",
        all_areas: "Mọi lĩnh vực",
        flagged_only: "Chỉ bài có cảnh báo",
        checks_passed: "Số tiêu chí đạt",
        shown: "Đang hiện {n}/{total} bài",
        units_heading: "Chỉ tiêu bài dự thi theo đơn vị",
        unit_no_entry: "Không có bài — phải có văn bản giải trình",
        clusters_heading: "Nhóm bài sao chép lẫn nhau",
        clusters_note: "Các bài trong một nhóm trùng nguyên văn hoặc gần nguyên văn với nhau; xem xét như một trường hợp.",
        how_heading: "Cách đọc kết quả",
        how_bands: "Tỷ lệ nguyên gốc: xanh từ 80% trở lên, vàng từ 50% đến dưới 80%, đỏ dưới 50%. Mỗi cảnh báo là một việc Hội đồng cần xem xét; kết quả sơ loại do Hội đồng quyết định.",
        footer_note: "Báo cáo do soloai lập để Hội đồng tham khảo khi sơ loại.",
        input_problems_heading: "Dòng không đọc được trong danh sách",
        quota_encouraged: "Khuyến khích",
        quota_counts_for: "Tính cho",
        quota_none: "Không có chỉ tiêu",
        skipped_heading: "Mục không đọc trong thư mục bài dự thi",
        duplicates_heading: "Tệp giống hệt nhau",
        duplicates_note: "Các tệp dưới đây giống nhau từng byte: cùng một bài được gửi nhiều lần.",
        checks_failed: |failed, total| format!("{failed}/{total} tiêu chí không đạt"),
    },
    entry_page: EntryPage {
        heading: "Báo cáo kiểm tra trùng lặp",
        heading_unreadable: "Tệp cần nộp lại",
        back: "Bảng tổng hợp",
        previous: "Bài trước",
        next: "Bài sau",
        sources: "Nguồn trùng",
        no_source: "Không tìm thấy nguồn trùng trong kho đối chiếu.",
        source_kind: "Loại nguồn",
        match_kind: "Mức độ",
        share: "Tỷ lệ trong bài",
        reference: "Văn bản, nguồn công khai",
        scope: "Phạm vi áp dụng",
        entry_side: "Bài dự thi",
        idea_only: "Trùng về ý tưởng, không có đoạn văn trùng nguyên văn.",
        no_source_text: "(không có văn bản nguồn)",
        full_text: "Toàn văn bài dự thi",
        form_checks: "Kiểm tra hình thức và nội dung",
        eligibility: "Điều kiện dự thi",
        changed_words: "Chữ được sửa",
        similarity_sentence: "Phần nội dung bài (không kể trang bìa, trích dẫn, căn cứ pháp lý và văn bản mẫu) trùng với ít nhất một nguồn.",
        originality_sentence: "Phần còn lại, không trùng với nguồn nào: tỷ lệ nguyên gốc cộng tỷ lệ trùng lặp bằng 100%.",
        location: |page, paragraph| format!("trang {page}, đoạn {paragraph}"),
        paragraph_only: |paragraph| format!("đoạn {paragraph}"),
        panes_limited: |shown, total| {
            format!(
                "Hiện đoạn trùng của {shown} nguồn trùng nhiều nhất trong {total} nguồn; bảng trên liệt kê đủ {total} nguồn."
            )
        },
        more_sources: |n| format!("… và {n} nguồn khác, trùng ít hơn."),
        passage_cut: "… (đoạn dài, xem đủ trong toàn văn bên dưới)",
        passages_limited: |shown, total| {
            format!(
                "Hiện {shown} trong {total} đoạn trùng; các đoạn còn lại được tô màu trong toàn văn bên dưới."
            )
        },
        scope_nationwide: "Toàn quốc",
        scope_in_province: |p| format!("Đã áp dụng trong tỉnh ({p})"),
        scope_elsewhere: |p| format!("Đã áp dụng ở địa phương ngoài tỉnh ({p})"),
        ocr_read: "Đọc bằng OCR",
        ocr_pages: "trang",
        ocr_confidence: "độ tin cậy",
        read_warnings_heading: "Lưu ý khi đọc tệp",
        read_warnings_note: "Những điều soloai nhận thấy khi đọc tệp bài dự thi; Hội đồng nên đối chiếu với bản gốc ở những chỗ này.",
        read_warnings_more: |n| format!("… và {n} lưu ý khác không hiện ở đây."),
    },
    sheet: Sheet {
        entries: "Bài dự thi",
        units: "Chỉ tiêu đơn vị",
        checks: "Tiêu chí",
        page_footer: "Trang &P/&N",
    },
    terminal: Terminal {
        entries_profile: |n, profile| format!("{n} bài dự thi — bộ tiêu chí: {profile}"),
        reports_in: "Báo cáo",
        below_quota: "chưa đủ số bài",
        owes_letter: " — cần văn bản giải trình",
        cached: |n| format!("({n} tệp đã đọc ở lần chạy trước, lấy lại từ bộ nhớ đệm)"),
        duplicate_files: "Tệp giống hệt nhau (cùng một bài gửi nhiều lần)",
        corpus_added: |added, already, failed| {
            format!("Nạp kho đối chiếu: {added} tài liệu mới, {already} đã có, {failed} lỗi")
        },
        not_a_folder: |p| {
            format!(
                "'{p}' là một tệp, không phải thư mục. Lệnh screen cần thư mục bài dự thi (hoặc thư mục cuộc thi có entries/). \
                 Để kiểm tra một tệp, dùng: soloai check '{p}'"
            )
        },
        no_such_folder: |p| {
            format!("Không tìm thấy thư mục bài dự thi '{p}'. Kiểm tra lại đường dẫn.")
        },
        quota_waits: |n, pending, min| {
            format!("chưa xác định số bài {n}/{min}, {pending} bài chờ Hội đồng quyết định")
        },
    },
    check_cli: CheckCli {
        no_such_path: |p| format!("{p}: không có tệp hay thư mục này. Kiểm tra lại đường dẫn."),
        no_entries: "Không tìm thấy bài dự thi nào (.docx, .pdf, .doc, .odt, .txt).",
        progress: "Kiểm tra",
        totals: |files, pass, fail, unsure, errors| {
            format!(
                "{files} tệp: {pass} đạt, {fail} không đạt, {unsure} chưa xác định, {errors} tệp không đọc được."
            )
        },
    },
    corpus: CorpusWords {
        stated: |index, n, kinds| {
            // The index folder, when the report names one.
            let index = if index.is_empty() {
                String::new()
            } else {
                format!(" {index}")
            };
            if kinds.is_empty() {
                format!("Kho đối chiếu{index}: {n} tài liệu")
            } else {
                format!("Kho đối chiếu{index}: {n} tài liệu ({kinds})")
            }
        },
        kind_count: |kind, n| {
            let what = match kind {
                "applied" => "mô hình đã áp dụng",
                "published" => "giải pháp đã công khai",
                "past-entry" => "bài dự thi trước",
                "template" => "văn bản mẫu",
                other => other,
            };
            format!("{n} {what}")
        },
        compared: |stated| {
            format!(
                "Các bài dự thi được đối chiếu với nhau và với {}.",
                lowercase_first(stated)
            )
        },
        empty_warning: "CẢNH BÁO: kho đối chiếu không có mô hình, giải pháp hay bài dự thi trước nào. Chỉ so sánh được các bài với nhau; \
                        tỷ lệ nguyên gốc chưa phản ánh việc trùng với mô hình đã có. Nạp kho bằng: soloai corpus add <thư mục>",
    },
    cli: Cli {
        about: "Sơ loại bài dự thi \"Tìm kiếm ý tưởng, giải pháp cải cách hành chính\": đọc bài, kiểm tra hình thức, \
                tìm trùng lặp và lập báo cáo cho Hội đồng.",
        usage: "Cách dùng",
        commands: "Lệnh",
        arguments: "Tham số",
        options: "Tùy chọn",
        help: "In hướng dẫn này",
        version: "In số phiên bản",
        lang: "Ngôn ngữ của báo cáo và thông báo: vi (mặc định) hoặc en; cũng theo biến môi trường LANG=en_*",
        see_help: |cmd| format!("Xem hướng dẫn: {cmd} --help"),
        unknown_argument: |a| format!("không có tùy chọn '{a}'"),
        unknown_command: |c| format!("không có lệnh '{c}'"),
        missing_required: |a| format!("thiếu tham số bắt buộc: {a}"),
        missing_command: "cần chỉ rõ một lệnh",
        invalid_value: |v, a| format!("giá trị '{v}' không hợp lệ cho {a}"),
        possible_values: |v| format!("các giá trị được dùng: {v}"),
        too_many_values: |a| format!("quá nhiều giá trị cho {a}"),
        conflict: |a| format!("không dùng được cùng lúc với {a}"),
        other_error: "tham số dòng lệnh không hợp lệ",
        tip_dashes: "mẹo: tên tệp bắt đầu bằng '-' thì viết sau '--'",
        did_you_mean: |x| format!("gợi ý: có thể ý bạn là {x}"),
        default_value: |v| format!("[mặc định: {v}]"),
        values: |v| format!("[giá trị: {v}]"),
        error_prefix: "lỗi",
        options_token: "[TÙY_CHỌN]",
        command_token: "<LỆNH>",
        command: cli_command,
        arg: cli_arg,
        value_name: cli_value_name,
    },
    errors: Errors {
        not_found: "không tìm thấy tệp hoặc thư mục",
        permission_denied: "không có quyền truy cập",
        already_exists: "đã có tệp trùng tên",
        is_a_directory: "đây là thư mục, không phải tệp",
        not_a_directory: "đây không phải thư mục",
        disk_full: "ổ đĩa đã đầy",
        read_only: "ổ đĩa chỉ cho đọc",
        interrupted: "bị ngắt giữa chừng",
        invalid_data: "dữ liệu hỏng hoặc không đầy đủ",
        other: "lỗi hệ thống khi đọc hoặc ghi tệp",
    },
    files: FileWords {
        lock_output: "Thư mục kết quả",
        lock_index: "Kho đối chiếu",
        lock_holder: |pid, command, started| {
            format!("tiến trình {pid} (lệnh `{command}`, bắt đầu lúc {started})")
        },
        lock_someone: "một tiến trình khác",
        lock_wait_output: "Chờ lần chạy đó xong rồi chạy lại, hoặc chọn thư mục --out khác.",
        lock_wait_index: "Chờ lần chạy đó xong rồi chạy lại.",
        lock_busy: |what, dir, who, todo| {
            format!("{what} {dir} đang được một lần chạy soloai khác sử dụng: {who}. {todo}")
        },
        lock_io: |dir, cause| {
            format!("Không tạo được tệp khoá trong {dir} ({cause}). Kiểm tra thư mục có quyền ghi.")
        },
        out_inside_entries: |out, entries| {
            format!(
                "Thư mục kết quả {out} trùng hoặc nằm trong thư mục đầu vào {entries} (bài dự thi hoặc tài liệu đối chiếu): báo cáo sẽ ghi đè tệp đầu vào hoặc bị đọc lại như bài dự thi ở lần chạy sau. Chọn --out ở ngoài thư mục đó."
            )
        },
        out_contains_entries: |out, entries| {
            format!(
                "Thư mục kết quả {out} chứa thư mục đầu vào {entries} (bài dự thi hoặc tài liệu đối chiếu). Chọn --out là một thư mục riêng, ví dụ soloai-out."
            )
        },
        out_not_a_folder: |out| format!("{out} không phải là thư mục. Chọn --out là một thư mục."),
        out_foreign: |out, examples| {
            format!(
                "Thư mục kết quả {out} đang chứa tệp không do soloai tạo ({examples}). soloai chỉ ghi vào thư mục trống hoặc thư mục kết quả của chính nó, để không ghi đè hay xoá tệp của người khác. Chọn --out là một thư mục trống hoặc mới."
            )
        },
        out_not_writable: |out, cause| {
            format!(
                "Không ghi được vào thư mục kết quả {out} ({cause}). Kiểm tra quyền ghi và dung lượng đĩa, hoặc chọn --out khác."
            )
        },
        charge_file_bytes: "nội dung tệp",
        charge_decompressed: "dữ liệu giải nén",
        charge_pdf_stream: "luồng dữ liệu PDF",
        charge_pdf_operators: "lệnh vẽ trang PDF (kể cả đối tượng lồng nhau)",
        charge_text: "văn bản trích xuất",
        charge_pixels: "ảnh trang để nhận dạng chữ",
        format_binary: "dữ liệu nhị phân, không phải văn bản",
        format_ole: "một tệp Office cũ không phải Word",
        format_zip: "một tệp nén (zip)",
        not_regular_symlink: "liên kết tượng trưng",
        not_regular_fifo: "ống dẫn có tên (FIFO)",
        not_regular_socket: "socket",
        not_regular_folder: "thư mục",
        not_regular_device: "tệp thiết bị",
        not_a_file: |what| format!("{what} chứ không phải tệp thường"),
        over_limit: |size, limit| format!("{size} MB, vượt giới hạn {limit} MB"),
        io_cause: |code| {
            Some(match code {
                "not-found" => "không tìm thấy tệp",
                "permission-denied" => "không có quyền truy cập",
                "already-exists" => "tệp đã tồn tại",
                "would-block" => "tệp không sẵn sàng để đọc",
                "invalid-data" => "dữ liệu không hợp lệ",
                "unexpected-eof" => "tệp kết thúc đột ngột",
                "out-of-memory" => "hết bộ nhớ",
                "storage-full" => "ổ đĩa đã đầy",
                "read-only" => "ổ đĩa chỉ cho phép đọc",
                "is-a-directory" => "là thư mục, không phải tệp",
                "not-a-directory" => "không phải thư mục",
                "symlink" => "là liên kết tượng trưng",
                "not-read" => "chưa đọc",
                "missing-entry" => "có trong danh sách nhưng không thấy trong thư mục bài dự thi",
                _ => return None,
            })
        },
        io_other: |detail| format!("lỗi hệ thống: {detail}"),
    },
    papers: Papers {
        motto_country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto_slogan: "Độc lập - Tự do - Hạnh phúc",
        number: "Số:",
        council_default: "HỘI ĐỒNG SƠ LOẠI",
        council_word: "Hội đồng",
        secretary_caption: "THƯ KÝ",
        chair_caption: "CHỦ TỊCH HỘI ĐỒNG",
        sign_hint: "(Ký, ghi rõ họ tên)",
        minutes_title: "BIÊN BẢN",
        summary_screening: "Họp sơ loại bài dự thi",
        time: "Thời gian",
        place: "Địa điểm",
        attendance: "Thành phần tham dự",
        absent: "Vắng mặt",
        chaired_by: "Chủ trì",
        recorded_by: "Thư ký",
        members_heading: "I. THÀNH PHẦN HỘI ĐỒNG",
        results_heading: "II. KẾT QUẢ SƠ LOẠI",
        decisions_heading: "Ý kiến của Hội đồng về các cảnh báo",
        forwarded_heading: "III. CÁC BÀI DỰ THI ĐỀ NGHỊ CHUYỂN VÒNG CHẤM",
        units_heading: "IV. CÁC ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU SỐ BÀI DỰ THI",
        conclusion_heading: "KẾT LUẬN",
        no: "STT",
        title_authors: "Tên bài dự thi / Tác giả",
        result: "Kết quả",
        note: "Ghi chú",
        proposed: "Đề nghị chuyển vòng chấm",
        by_council: "Chuyển vòng chấm theo quyết định của Hội đồng",
        none: "Không có bài nào.",
        flag: "Cảnh báo",
        decision: "Quyết định",
        reason: "Lý do",
        decided_by: "Người quyết định, thời điểm",
        accepted: "Xác nhận",
        dismissed: "Bỏ qua",
        dismissed_note: "Hội đồng bỏ qua cảnh báo",
        properties_title: "Biên bản sơ loại bài dự thi",
        entry_word: "bài",
        more_sources: |n| format!("và {n} nguồn khác"),
        contest_phrase: |name| {
            if name.to_lowercase().starts_with("cuộc thi") {
                name.to_string()
            } else {
                format!("Cuộc thi “{name}”")
            }
        },
        date: |d| match d {
            // Decree 30: days below 10 and the months 1 and 2 take a leading zero.
            Some(d) if d.month() < 3 => {
                format!(
                    "ngày {:02} tháng {:02} năm {}",
                    d.day(),
                    d.month(),
                    d.year()
                )
            }
            Some(d) => format!("ngày {:02} tháng {} năm {}", d.day(), d.month(), d.year()),
            None => "ngày ..... tháng ..... năm ........".to_string(),
        },
        time_of_day: |t| match t {
            Some(t) => format!("{:02} giờ {:02} phút", t.hour(), t.minute()),
            None => "..... giờ ..... phút".to_string(),
        },
        started: |time, date| format!("Bắt đầu vào hồi {time}, {date}."),
        opening: |council, entries, contest, profile| {
            let criteria = match profile {
                Some(p) => format!("bộ tiêu chí: {p}"),
                None => "theo các tiêu chí của Kế hoạch tổ chức Cuộc thi".to_string(),
            };
            format!(
                "{council} đã xem xét {entries} bài dự thi {contest}. Việc kiểm tra hình thức và \
                 mức độ trùng lặp được hỗ trợ bởi phần mềm soloai ({criteria}); Hội \
                 đồng đã xem xét căn cứ của từng bài và thống nhất kết quả dưới đây."
            )
        },
        tally: |total, pass, fail, cannot_tell, resubmit| {
            format!(
                "Tổng số bài dự thi: {total}; Đạt: {pass}; Không đạt: {fail}; Chưa xác định: \
                 {cannot_tell}; Cần nộp lại (không đọc được tệp): {resubmit}."
            )
        },
        unit_short: |unit, entries, quota, owes| {
            if owes {
                format!(
                    "- {unit}: không có bài dự thi (chỉ tiêu {quota}), phải có văn bản giải trình."
                )
            } else {
                format!("- {unit}: {entries} bài (chỉ tiêu tối thiểu {quota}).")
            }
        },
        conclusion: |forwarded, by_council| {
            let mut s = format!(
                "Hội đồng thống nhất đề nghị gửi {forwarded} bài dự thi tại mục III về Ban Tổ \
                 chức cuộc thi để chấm điểm"
            );
            if by_council > 0 {
                s.push_str(&format!(
                    " (trong đó {by_council} bài theo quyết định của Hội đồng sau khi xem xét cảnh báo)"
                ));
            }
            s.push_str("; các bài còn lại không đủ điều kiện chuyển vòng chấm vì các lý do đã ghi tại mục II.");
            s
        },
        closing: |end, copies| {
            (
                format!("Cuộc họp kết thúc vào hồi {end} cùng ngày."),
                format!(
                    "Biên bản đã được thông qua trước các thành viên dự họp, được lập thành \
                     {copies:02} bản, các thành viên Hội đồng thống nhất ký tên dưới đây."
                ),
            )
        },
    },
    scoring_sheet: ScoringSheet {
        title: "PHIẾU CHẤM ĐIỂM",
        marker: "Người chấm",
        example: "LƯU Ý: tiêu chí dưới đây chỉ là VÍ DỤ của soloai, chưa phải tiêu chí của Quy chế chấm thi. Không dùng để chấm chính thức.",
        source: "Tiêu chí theo",
        how: "Nhập điểm từng tiêu chí vào ô trắng (từ 0 đến điểm tối đa, có thể lẻ đến 0,01); cột Tổng điểm tự tính. Ô xám: không chấm (xung đột lợi ích).",
        no: "STT",
        id: "Mã bài",
        entry: "Tên bài dự thi",
        total: "Tổng điểm",
        note: "Ghi chú",
        up_to: "tối đa",
        conflict: "Không chấm: xung đột lợi ích",
        bad_title: "Điểm không hợp lệ",
        bad_message: "Điểm phải là số từ 0 đến",
        input_title: "Điểm tiêu chí",
        sign: "NGƯỜI CHẤM",
        sign_hint: "(Ký, ghi rõ họ tên)",
    },
    marking: Marking {
        summary: "Chấm điểm bài dự thi",
        jury: "Thành viên chấm điểm",
        method: "I. TIÊU CHÍ VÀ CÁCH TÍNH ĐIỂM",
        example: "Lưu ý: các tiêu chí dưới đây là VÍ DỤ của soloai, chưa phải tiêu chí của Quy chế chấm thi; kết quả này không dùng chính thức.",
        criteria_from: "Tiêu chí chấm theo",
        up_to: "tối đa",
        points: "điểm",
        mean: "Điểm của mỗi bài là trung bình cộng tổng điểm của các thành viên chấm.",
        trimmed_mean: |n| {
            format!(
                "Điểm của mỗi bài là trung bình cộng tổng điểm của các thành viên chấm, sau khi bỏ một điểm cao nhất và một điểm thấp nhất khi có từ {n} phiếu trở lên."
            )
        },
        results_heading: "II. KẾT QUẢ CHẤM ĐIỂM",
        problems_heading: "III. NHỮNG VẤN ĐỀ PHÁT HIỆN KHI TỔNG HỢP PHIẾU CHẤM",
        no_problems: "Các phiếu chấm đầy đủ, hợp lệ.",
        conclusion_heading: "KẾT LUẬN",
        rank: "Xếp hạng",
        entry: "Mã bài / Tên bài dự thi / Tác giả",
        kind: "Loại",
        individual: "Cá nhân",
        group: "Tập thể",
        sheets: "Số phiếu tính",
        average: "Điểm trung bình",
        prize: "Đề nghị giải",
        none: "—",
        tie: "bằng điểm, Hội đồng quyết định",
        list_title: "DANH SÁCH",
        list_summary: "Đề nghị khen thưởng các tác giả, nhóm tác giả đạt giải",
        author: "Tác giả / Nhóm tác giả",
        unit: "Đơn vị",
        amount: "Số tiền (đồng)",
        total: "Tổng cộng",
        in_words: "Bằng chữ",
        maker: "NGƯỜI LẬP DANH SÁCH",
        summary_sheet: "Tổng hợp",
        detail_sheet: "Chi tiết",
        problems_sheet: "Vấn đề",
        member: "Thành viên",
        conflict: "xung đột",
        doc_title: "Biên bản chấm điểm bài dự thi",
        minutes_title: "BIÊN BẢN",
        time: "Thời gian",
        place: "Địa điểm",
        earlier_submission: "bài nộp sớm hơn",
        list_doc_title: "Danh sách đề nghị khen thưởng",
        no: "STT",
        title: "Tên bài dự thi",
        prize_col: "Giải",
        chair_caps: "CHỦ TỊCH HỘI ĐỒNG",
        scores_title: "Bảng tổng hợp điểm",
        entry_id: "Mã bài",
        sum: "Tổng",
        code: "Mã",
        file: "Tệp",
        entry_short: "Bài",
        message: "Nội dung",
        prizes_sheet: "Khen thưởng",
        started: |time, date| format!("Bắt đầu vào hồi {time}, {date}."),
        tally_line: |entries, sheets, jury| {
            format!("Số bài dự thi chấm: {entries}. Số phiếu chấm nhận được: {sheets}/{jury}.")
        },
        more_problems: |n, file| format!("- … và {n} vấn đề khác (xem trang “Vấn đề” của {file})."),
        closed: |end| format!("Buổi chấm điểm kết thúc vào hồi {end} cùng ngày."),
        copies: "Biên bản được lập thành 02 bản, các thành viên Hội đồng thống nhất ký tên dưới đây.",
        tie_criterion: |name| format!("điểm tiêu chí “{name}” cao hơn"),
        tie_rules: |rules| {
            format!(
                "Khi bằng điểm, xếp trên theo thứ tự: {rules}; nếu vẫn bằng nhau, Hội đồng quyết định."
            )
        },
        no_marks: |id| format!("Bài {id} chưa có phiếu chấm hợp lệ nào: chưa xếp hạng."),
        boundary_tie: |ids, group, rank| {
            let kind = if group { "tập thể" } else { "cá nhân" };
            format!(
                "Các bài {ids} ({kind}) bằng điểm sau mọi tiêu chí phụ tại ranh giới {rank}: Hội đồng quyết định; danh sách tạm xếp theo mã bài."
            )
        },
        prize_part: |n, rank, ind, grp| {
            format!("{n:02} {rank} ({ind:02} cá nhân, {grp:02} tập thể)")
        },
        conclusion_prizes: |parts, digits, words| {
            format!(
                "Hội đồng thống nhất kết quả chấm điểm và đề nghị khen thưởng {parts}; tổng số tiền thưởng {digits} đồng ({words})."
            )
        },
        conclusion_ranking: "Hội đồng thống nhất kết quả chấm điểm và thứ tự xếp hạng tại mục II.",
        not_final: " Kết quả chỉ chính thức sau khi các vấn đề tại mục III được giải quyết.",
        with_honour: |h| format!("; kèm {h}"),
        honour_col: "Khen thưởng kèm theo",
    },
    sheet_problems: SheetProblems {
        unreadable: |file, cause| format!("{file}: {cause}; phiếu này không được tính."),
        unknown_member: |file, who| {
            format!(
                "{file}: phiếu của '{who}', người không có trong danh sách chấm của council.toml; không được tính."
            )
        },
        duplicate_sheet: |file, name, first| {
            format!("{file}: {name} đã có phiếu {first}; phiếu thứ hai không được tính.")
        },
        criteria_changed: |file| {
            format!(
                "{file}: tiêu chí trong phiếu khác tiêu chí hiện hành của cấu hình cuộc thi; phát lại phiếu mới ('soloai scoring sheets'). Phiếu không được tính."
            )
        },
        other_report: |file, when| {
            format!(
                "{file}: phiếu được tạo từ một lần sơ loại khác ({when}); các bài vẫn được đối chiếu theo mã bài."
            )
        },
        missing_sheet: |name, file| {
            format!(
                "Thiếu phiếu chấm của {name} ({file}); điểm trung bình chỉ tính trên các phiếu đã nộp."
            )
        },
        unknown_entry: |file, row, id| {
            format!(
                "{file}, dòng {row}: mã bài '{id}' không có trong danh sách chuyển vòng chấm; không được tính."
            )
        },
        duplicate_row: |file, row, id| {
            format!("{file}, dòng {row}: bài {id} xuất hiện hai lần; chỉ tính lần đầu.")
        },
        conflict: |file, row, name, id, reason| {
            format!(
                "{file}, dòng {row}: {name} chấm bài {id} dù có xung đột lợi ích ({reason}); điểm này không được tính."
            )
        },
        not_marked: |file, row, name, id| format!("{file}, dòng {row}: {name} chưa chấm bài {id}."),
        out_of_range: |file, at, name, id, v, criterion, max| {
            format!(
                "{file}, ô {at}: {name} cho bài {id} {v} điểm ở tiêu chí “{criterion}”, ngoài khoảng 0–{max}; điểm của bài này từ phiếu này không được tính."
            )
        },
        not_a_number: |file, at, t, criterion, id| {
            format!("{file}, ô {at}: “{t}” không phải là số (tiêu chí “{criterion}”, bài {id}).")
        },
        missing_score: |file, at, name, criterion, id| {
            format!(
                "{file}, ô {at}: {name} chưa cho điểm tiêu chí “{criterion}” của bài {id}; điểm của bài này từ phiếu này không được tính."
            )
        },
        missing_entry: |file, name, id| {
            format!("{file}: phiếu của {name} không có dòng cho bài {id}.")
        },
    },
    package: PackageWords {
        no_such_file: "không có tệp",
        entry_missing: |id, file| {
            format!(
                "Bài {id}: không tìm thấy '{file}' trong thư mục bài dự thi (đã chuyển hoặc đổi tên sau khi sơ loại?)."
            )
        },
        cannot_pack: |id, inner, cause| {
            format!("Bài {id}: không đóng gói được '{inner}' ({cause}).")
        },
        lacks_word_extract: |id| {
            format!(
                "Bài {id}: bài dạng video, hình ảnh hoặc phần mềm chưa có bản Word trích xuất nội dung (III.3.a Kế hoạch)."
            )
        },
        owes_letter: |unit| {
            format!(
                "{unit} không có bài dự thi hợp lệ: gửi kèm văn bản giải trình lý do (III.4, Lưu ý)."
            )
        },
        list_title: "DANH MỤC HỒ SƠ GỬI KÈM",
        contest: "Cuộc thi",
        sent_by: "Đơn vị gửi",
        minutes_no: "Biên bản sơ loại số",
        deadline: "Hạn gửi",
        before: "trước ngày",
        made_at: |h, m, d, mo, y| format!("{h:02}:{m:02} ngày {d:02}/{mo:02}/{y} (UTC+7)"),
        made: "Lập lúc",
        papers_heading: "1. Giấy tờ của Hội đồng:",
        forwarded_heading: |n| format!("2. Bài dự thi đề nghị chuyển vòng chấm: {n:02} bài"),
        by_council: " — theo quyết định của Hội đồng",
        missing: "THIẾU",
        units_heading: "3. Đơn vị chưa đạt chỉ tiêu số bài dự thi:",
        before_sending: "Cần lưu ý trước khi gửi:",
        hashes: "Mã SHA-256 của từng tệp: xem 00-manifest.json.",
        err_missing: |path, cause| {
            format!(
                "{path}: thiếu hoặc không đọc được ({cause}). Chạy lại 'soloai screen' để có đủ báo cáo."
            )
        },
        err_write: |path, cause| {
            format!(
                "{path}: không ghi được gói hồ sơ ({cause}). Kiểm tra thư mục có quyền ghi và còn dung lượng."
            )
        },
        err_empty: "Không có bài dự thi nào được chuyển vòng chấm: không có gì để gửi.",
        past_deadline: |what, when| {
            format!(
                "Gói hồ sơ được lập sau hạn \"{what}\" (trước ngày {when}): cần báo cáo lý do chậm khi gửi."
            )
        },
    },
    web: WebWords {
        audit_action: |code| {
            Some(match code {
                "setup-admin" => "Tạo tài khoản quản trị",
                "login" => "Đăng nhập",
                "login-failed" => "Đăng nhập sai",
                "logout" => "Đăng xuất",
                "user-created" => "Tạo tài khoản",
                "user-enabled" => "Mở lại tài khoản",
                "user-disabled" => "Khóa tài khoản",
                "password-set" => "Đặt lại mật khẩu",
                "refused" => "Bị từ chối (không có quyền)",
                "contest-created" => "Tạo cuộc thi",
                "contest-deleted" => "Xoá cuộc thi",
                "upload" => "Tải tệp lên",
                "file-deleted" => "Xóa tệp",
                "council-edited" => "Sửa thông tin Hội đồng",
                "run-started" => "Bắt đầu sơ loại",
                "run-finished" => "Kết thúc sơ loại",
                "flag-accept" => "Xác nhận cảnh báo",
                "flag-dismiss" => "Bỏ qua cảnh báo",
                "awards" => "Ghi kết quả giải",
                "corpus-add" => "Thêm vào kho đối chiếu",
                "corpus-add-contest" => "Đưa bài dự thi vào kho",
                _ => return None,
            })
        },
        audit_members: |n| format!("{n} thành viên"),
        audit_run: |n| format!("lần sơ loại số {n}"),
        council_role_unknown: |name, typed| {
            format!(
                "Chưa lưu thông tin Hội đồng: vai trò \"{typed}\" của {name} không rõ. Ghi Chủ tịch, Phó Chủ tịch, Thư ký hoặc Thành viên (để trống là Thành viên)."
            )
        },
        app: "soloai — sơ loại bài dự thi",
        login: "Đăng nhập",
        logout: "Đăng xuất",
        username: "Tên đăng nhập",
        password: "Mật khẩu",
        password_again: "Nhập lại mật khẩu",
        display_name: "Họ và tên",
        role: "Vai trò",
        role_admin: "Quản trị",
        role_secretary: "Thư ký",
        role_member: "Thành viên",
        bad_login: "Sai tên đăng nhập hoặc mật khẩu.",
        throttled: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau",
        seconds: "giây",
        setup_title: "Tạo tài khoản quản trị",
        setup_intro: "Máy chủ chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên; đường dẫn này chỉ dùng được một lần.",
        setup_done: "Đã có tài khoản quản trị. Hãy đăng nhập.",
        setup_bad_token: "Đường dẫn tạo tài khoản không hợp lệ hoặc đã dùng.",
        password_short: "Mật khẩu cần ít nhất 10 ký tự.",
        password_mismatch: "Hai lần nhập mật khẩu không khớp.",
        username_bad: "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 40 ký tự).",
        username_taken: "Tên đăng nhập đã có.",
        contests: "Cuộc thi",
        no_contests: "Chưa có cuộc thi nào bạn được xem.",
        new_contest: "Tạo cuộc thi",
        contest_name: "Tên cuộc thi",
        year: "Năm",
        profile: "Bộ tiêu chí (hồ sơ cuộc thi)",
        profile_upload: "hoặc tải lên bộ tiêu chí riêng của cuộc thi",
        create: "Tạo",
        save: "Lưu",
        inputs: "Hồ sơ đầu vào",
        entries_files: "Tệp bài dự thi",
        upload_entries: "Tải lên bài dự thi",
        upload_hint: "Chọn một hay nhiều tệp bài dự thi, hoặc một tệp nén (.zip) của cả thư mục bài — có thể là cả thư mục cuộc thi, kèm danh sách bài và danh sách đơn vị; hoặc kéo thả vào khung trên.",
        drop_here: "Kéo thả tệp vào đây",
        upload: "Tải lên",
        manifest: "Danh sách bài dự thi (Excel hoặc CSV)",
        units: "Danh sách đơn vị (CSV)",
        excluded: "Người không được dự thi (CSV)",
        profile_file: "Bộ tiêu chí riêng của cuộc thi",
        present: "Đã có",
        absent: "Chưa có",
        uploaded: "Đã lưu",
        refused: "Bị từ chối",
        ignored: "Bỏ qua",
        run: "Sơ loại",
        start_run: "Bắt đầu sơ loại",
        rerun_note: "Chạy lại sau khi tải thêm bài: chỉ các tệp mới phải đọc, nên nhanh hơn lần đầu.",
        run_busy: "Một lượt sơ loại của cuộc thi này đang chạy.",
        run_queued: "Đang chờ lượt khác xong",
        run_running: "Đang chạy",
        run_done: "Đã xong",
        run_failed: "Không chạy được",
        run_interrupted: "Máy chủ dừng khi đang chạy; hãy chạy lại.",
        no_entries: "Chưa có bài dự thi nào: hãy tải lên trước.",
        stage_corpus: "Nạp kho đối chiếu",
        stage_read: "Đọc bài dự thi",
        stage_check: "Kiểm tra thể thức",
        stage_compare: "Đối chiếu trùng lặp",
        stage_report: "Ghi báo cáo",
        history: "Các lượt đã chạy",
        started: "Bắt đầu",
        by: "Người thực hiện",
        status: "Trạng thái",
        entries: "Bài dự thi",
        flagged: "Có cảnh báo",
        from_cache: "Lấy từ bộ nhớ đệm",
        duration: "Thời gian",
        reports: "Báo cáo",
        dashboard: "Bảng tổng hợp kết quả (xem trên trình duyệt)",
        download: "Tải về",
        download_zip: "Tải tất cả báo cáo trong một tệp nén (.zip)",
        decisions_json: "Quyết định của Hội đồng (tệp dữ liệu)",
        no_report: "Chưa có báo cáo: hãy chạy sơ loại.",
        council: "Hội đồng",
        council_unit: "Đơn vị tổ chức",
        council_parent: "Cơ quan chủ quản",
        council_name: "Tên Hội đồng",
        council_place: "Địa danh",
        council_number: "Số biên bản",
        council_symbol: "Ký hiệu",
        council_date: "Ngày họp",
        council_start: "Giờ bắt đầu",
        council_end: "Giờ kết thúc",
        council_venue: "Địa điểm",
        council_members: "Thành viên (mỗi dòng: Họ và tên | Chức vụ | Chủ tịch, Phó Chủ tịch, Thư ký hoặc Thành viên | tên đăng nhập)",
        council_unknown_users: "Không có tài khoản",
        council_unit_missing: "Chưa lưu thông tin Hội đồng: hãy điền tên cơ quan, đơn vị tổ chức sơ loại (dòng đầu của tiêu đề biên bản)",
        entry: "Bài dự thi",
        flags: "Cảnh báo",
        verdict: "Kết quả của phần mềm",
        decision: "Quyết định của Hội đồng",
        decisions: "Quyết định",
        accept: "Xác nhận",
        dismiss: "Bỏ qua",
        accepted: "Đã xác nhận",
        dismissed: "Đã bỏ qua",
        pending: "Chưa quyết định",
        reason: "Lý do",
        reason_required: "Cần ghi rõ lý do.",
        no_flags: "Không có cảnh báo.",
        full_report: "Trang báo cáo chi tiết",
        title: "Tên bài",
        unit: "Đơn vị",
        originality: "Tỷ lệ nguyên gốc",
        file: "Tệp",
        audit: "Nhật ký",
        when: "Thời điểm",
        who: "Người",
        action: "Việc",
        detail: "Chi tiết",
        users: "Tài khoản",
        new_user: "Tạo tài khoản",
        active: "Đang dùng",
        disable: "Khoá",
        enable: "Mở khoá",
        new_password: "Đặt mật khẩu mới",
        corpus: "Kho đối chiếu",
        corpus_search: "Tìm trong kho đối chiếu (gõ có dấu hoặc không dấu)",
        search: "Tìm",
        no_hits: "Không tìm thấy tài liệu nào.",
        corpus_add: "Thêm tài liệu vào kho",
        kind: "Loại",
        contest_of: "Cuộc thi đã dự",
        awarded: "Đạt giải",
        province: "Tỉnh",
        yes: "Có",
        no: "Không",
        unknown: "Chưa rõ",
        corpus_added: "tài liệu mới",
        corpus_duplicates: "đã có trong kho",
        corpus_failed: "không đọc được",
        awards: "Giải thưởng và đưa vào kho",
        awards_hint: "Sau cuộc thi: ghi giải của từng bài rồi đưa mọi bài vào kho đối chiếu (loại bài dự thi trước) trong một bước.",
        prize: "Giải",
        prize_none: "Không đạt giải",
        prize_first: "Giải Nhất",
        prize_second: "Giải Nhì",
        prize_third: "Giải Ba",
        prize_consolation: "Giải Khuyến khích",
        add_to_corpus: "Đưa các bài vào kho đối chiếu…",
        forbidden: "Bạn không có quyền xem trang này.",
        not_found: "Không tìm thấy trang.",
        bad_request: "Yêu cầu không hợp lệ",
        csrf_failed: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Tải lại trang rồi thử lại.",
        server_error: "Lỗi máy chủ",
        back: "Quay lại",
        home: "Trang chủ",
        too_large: "Tệp quá lớn",
        empty_file: "Tệp rỗng (0 byte)",
        bad_name: "Tên tệp không hợp lệ",
        zip_traversal: "Tệp nén chứa đường dẫn ra ngoài thư mục",
        zip_symlink: "Tệp nén chứa liên kết tượng trưng (symlink)",
        zip_bomb: "Tệp nén giải nén ra quá lớn (nghi là bom nén)",
        zip_too_many: "Tệp nén có quá nhiều tệp",
        zip_broken: "Tệp nén bị hỏng",
        wrong_type: "Loại tệp không phù hợp",
        profile_invalid: "Bộ tiêu chí không hợp lệ",
        members_only: "Chỉ thành viên Hội đồng của cuộc thi này được xem.",
        progress: "Tiến độ",
        open_report: "Mở báo cáo",
        minutes: "Biên bản sơ loại (Word)",
        summary_xlsx: "Bảng tổng hợp (Excel)",
        admin_link: "Tạo tài khoản quản trị tại",
        listening: "soloai đang phục vụ tại",
        decided_by: "bởi",
        council_file: "Thông tin Hội đồng soạn sẵn",
        council_invalid: "Tệp Hội đồng không hợp lệ",
        files_list: "Danh sách tệp đã tải lên",
        delete: "Xoá",
        login_at: "Đăng nhập tại",
        original_verdict_note: "Kết quả của phần mềm giữ nguyên; quyết định của Hội đồng ghi bên cạnh và vào biên bản.",
        delete_file: "Xoá tệp…",
        cannot_undo: "Việc này không hoàn tác được.",
        confirm_title: "Xin xác nhận",
        confirm_delete: |file| {
            format!(
                "Xoá tệp «{file}» khỏi hồ sơ cuộc thi? Muốn có lại tệp này thì phải tải lên lại."
            )
        },
        confirm_delete_button: "Xoá hẳn tệp này",
        confirm_to_corpus: |contest, n| {
            format!(
                "Đưa {n} bài dự thi của «{contest}» vào kho đối chiếu (loại bài dự thi trước), kèm giải đã ghi? \
                 Trên trang web không gỡ được các bài này ra khỏi kho; các cuộc thi sau sẽ được đối chiếu với chúng."
            )
        },
        confirm_to_corpus_button: "Đưa vào kho đối chiếu",
        cancel: "Không, quay lại",
        no_file_chosen: "Chưa chọn tệp nào: hãy chọn tệp (hoặc kéo thả vào khung) rồi bấm Tải lên.",
        stale_results: |made, changed| {
            format!(
                "Kết quả cũ: hồ sơ đã thay đổi lúc {changed}, sau lượt sơ loại lúc {made}. \
                 Hãy chạy lại sơ loại để kết quả tính cả các thay đổi này."
            )
        },
        error_code: "Mã lỗi",
        back_to_contest: "Quay lại trang cuộc thi",
        council_users_unknown: |seats| {
            let named: Vec<String> = seats
                .iter()
                .map(|(name, user)| format!("«{user}» (dòng của {name})"))
                .collect();
            format!(
                "Chưa lưu thông tin Hội đồng: không có tài khoản {}. Sửa tên đăng nhập ở cột cuối, \
                 hoặc để trống nếu người này không dùng tài khoản trên máy chủ.",
                named.join(", ")
            )
        },
        contest_name_missing: "Hãy điền tên cuộc thi.",
        profile_own: "bộ tiêu chí riêng, tải lên cho cuộc thi này",
        profile_replaced: |now, before| {
            format!(
                "Lưu ý: tệp tải lên có bộ tiêu chí riêng (profile.toml), nên từ nay cuộc thi được sơ \
                 loại theo «{now}» thay cho «{before}». Nếu không đúng, hãy tải lên bộ tiêu chí đúng \
                 trong mục Hồ sơ đầu vào."
            )
        },
        council_form_problem: |problem| {
            use crate::council::CouncilProblem::*;
            let label = |field: &str| match field {
                "unit" => "Đơn vị tổ chức",
                "parent_unit" => "Cơ quan chủ quản",
                "name" => "Tên Hội đồng",
                "place" => "Địa danh",
                "screening.number" => "Số biên bản",
                "screening.symbol" => "Ký hiệu",
                "screening.venue" => "Địa điểm",
                "screening.date" => "Ngày họp",
                "screening.start" => "Giờ bắt đầu",
                "screening.end" => "Giờ kết thúc",
                "members.name" => "Họ và tên (ô Thành viên)",
                "members.position" => "Chức vụ (ô Thành viên)",
                _ => "Thành viên",
            };
            let said = match problem {
                TooLong { field, max } => format!("ô {} dài quá {max} ký tự", label(field)),
                ControlCharacters { field } => {
                    format!("ô {} chứa ký tự không in được", label(field))
                }
                NoUnit => "chưa điền Đơn vị tổ chức".to_string(),
                NotADate { field, value } => {
                    format!(
                        "«{value}» ở ô {} không phải ngày: ghi theo dạng 08/07/2025",
                        label(field)
                    )
                }
                NotATime { field, value } => {
                    format!(
                        "«{value}» ở ô {} không phải giờ: ghi theo dạng 08:00",
                        label(field)
                    )
                }
                EndsBeforeStart { start, end, .. } => {
                    format!("giờ kết thúc ({end}) sớm hơn giờ bắt đầu ({start})")
                }
                NoMembers => {
                    "chưa có thành viên nào: ghi mỗi người một dòng trong ô Thành viên".to_string()
                }
                TooManyMembers { max } => format!("nhiều hơn {max} thành viên"),
                MemberWithoutName { number } => format!("thành viên thứ {number} chưa có họ tên"),
                MemberTwice { name } => format!("{name} được ghi hai lần"),
                TwoChairs => "có hơn một Chủ tịch Hội đồng".to_string(),
                other => council_problem(other),
            };
            format!("Chưa lưu thông tin Hội đồng: {said}.")
        },
        technical_file_hint: "tệp .toml do cán bộ kỹ thuật soạn",
        technical_files: "Tệp dữ liệu cho cán bộ kỹ thuật",
        decisions_json_hint: "Dùng khi lập biên bản, phiếu chấm hoặc gói hồ sơ bằng soloai trên máy khác (tuỳ chọn --decisions).",
        list_no_rows: |file| {
            format!(
                "{file}: không có dòng nào đọc được (chỉ có dòng tiêu đề, hoặc tệp trống). Kiểm tra lại tệp rồi tải lên."
            )
        },
        list_row_problems: "Đã lưu, nhưng có dòng chưa đọc được (lượt sơ loại sẽ bỏ qua các ô này; sửa tệp rồi tải lên lại nếu cần)",
        more_rows: |n| format!("… và {n} dòng khác"),
        no_contests_member: |user| {
            format!(
                "Tài khoản «{user}» chưa được gắn với Hội đồng của cuộc thi nào. Thư ký Hội đồng gắn \
                 tài khoản bằng cách ghi tên đăng nhập «{user}» vào cột cuối (tài khoản) trên dòng \
                 của bạn trong ô Thành viên, mục Hội đồng của trang cuộc thi. Hãy báo tên đăng nhập \
                 này cho Thư ký Hội đồng."
            )
        },
        council_account_hint: "Cột cuối (tài khoản) gắn tài khoản của thành viên với cuộc thi: người có tài khoản ghi ở đây mới xem được cuộc thi và ghi quyết định của Hội đồng; để trống nếu người này không dùng phần mềm.",
        manifest_template: "Mẫu danh sách bài dự thi để điền",
        manifest_template_xlsx: "tải mẫu Excel (.xlsx)",
        manifest_template_csv: "tải mẫu CSV",
        manifest_template_file: "mau-danh-sach-bai-du-thi",
        manifest_template_hint: "Tải mẫu danh sách bài dự thi (có đủ các cột), điền rồi tải lên lại:",
        manifest_missing_column: |place, expected| {
            format!(
                "{place}: thiếu cột {expected}; tải mẫu danh sách bài dự thi ở mục Hồ sơ đầu vào của \
                 trang cuộc thi, điền vào mẫu rồi tải lên lại"
            )
        },
        run_path_contest: "hồ sơ cuộc thi",
        run_path_reports: "thư mục báo cáo của cuộc thi",
        run_path_corpus: "kho đối chiếu của máy chủ",
        run_path_data: "thư mục dữ liệu của máy chủ",
        delete_contest_title: "Xoá cuộc thi",
        delete_contest_hint: "Dùng khi cuộc thi được tạo nhầm hoặc để thử: mọi tệp đã tải lên, kết quả sơ loại, quyết định và giải của cuộc thi bị xoá; nhật ký vẫn ghi lại việc xoá.",
        delete_contest: "Xoá cuộc thi…",
        delete_contest_busy: "Một lượt sơ loại của cuộc thi này đang chạy: chờ chạy xong rồi hãy xoá.",
        confirm_delete_contest: |name, files, runs| {
            format!(
                "Xoá cuộc thi «{name}» cùng {files} tệp đã tải lên và {runs} lượt sơ loại (báo cáo, \
                 quyết định của Hội đồng, giải đã ghi)? Tệp và kết quả của cuộc thi bị xoá khỏi máy chủ."
            )
        },
        confirm_delete_contest_button: "Xoá hẳn cuộc thi này",
        audit_contest_deleted: |name, files, runs| {
            format!("{name} ({files} tệp, {runs} lượt sơ loại)")
        },
    },
    rules: RuleWords {
        verdict: RuleVerdictWords {
            pass: "Đạt",
            fail: "Không đạt",
            cannot_tell: "Chưa xác định",
        },
        quota: QuotaRuleWords {
            title: "Chỉ tiêu số bài của đơn vị",
            letter_owed: " Đơn vị phải có văn bản giải trình ghi rõ lý do gửi Ban Tổ chức.",
            from_below: |n| format!(", {n} bài của đơn vị cấp dưới"),
            counted: |ids, below| format!(" Tính: {ids}{below}."),
            pending: |ids| {
                format!(
                    " Chờ xác định: {ids} (chưa rõ điều kiện dự thi, hoặc có cảnh báo chờ Hội đồng xem xét)."
                )
            },
            not_counted: |why| {
                format!(" Không tính (không đọc được hoặc không đủ điều kiện dự thi): {why}.")
            },
            counted_for: |n, p, tail| {
                format!(
                    "{n} bài đạt sơ loại; loại đơn vị này không có chỉ tiêu riêng, bài được tính cho {p}.{tail}"
                )
            },
            no_quota: |n, tail| {
                format!("{n} bài đạt sơ loại; thể lệ không đặt chỉ tiêu cho loại đơn vị này.{tail}")
            },
            need: |min, note| format!("chỉ tiêu ít nhất {min:02} bài ({note})"),
            encouraged: |n, need| {
                format!("Khuyến khích, không bắt buộc: {n} bài đạt sơ loại; {need}.")
            },
            met: |n, need| format!("Đạt: {n} bài đạt sơ loại; {need}."),
            cannot_tell: |n, pending, need| {
                format!("Chưa xác định: {n} bài đạt sơ loại và {pending} bài chờ xác định; {need}.")
            },
            no_entry: |need, letter| {
                format!("Không đạt: không có bài nào đạt sơ loại; {need}.{letter}")
            },
            short: |n, need| format!("Không đạt: {n} bài đạt sơ loại; {need}."),
        },
        entry: EntryFactWords {
            kind_document: "văn bản",
            kind_video: "video",
            kind_picture: "hình ảnh",
            kind_software: "phần mềm",
            kind_other: "tệp khác",
            manifest_unit: "danh sách, cột Đơn vị",
            cover_unit: "trang bìa, đơn vị công tác",
            manifest_address: "danh sách, cột Địa chỉ",
            cover_address: "trang bìa, địa chỉ",
            representative_address: "địa chỉ đại diện nhóm",
        },
        eligible_author: EligibleAuthorWords {
            title: "Đối tượng được dự thi",
            no_place: "không có địa chỉ hay đơn vị công tác nào",
            no_unit: "không ghi đơn vị công tác",
            in_region: |region, places| {
                format!("Tác giả cư trú, học tập hoặc lao động tại tỉnh {region}: {places}.")
            },
            outside_region: |region, text, where_, province, admits| {
                format!(
                    "Không địa chỉ hay đơn vị nào ở tỉnh {region}; “{text}” ({where_}) ở {province}. Thể lệ: {admits}."
                )
            },
            region_unclear: |region, seen| {
                format!(
                    "Không xác định được tác giả có cư trú, học tập, lao động tại tỉnh {region} không: {seen}."
                )
            },
            in_agency: |agency, units| format!("Tác giả thuộc {agency}: {units}."),
            outside_agency: |agency, units, admits| {
                format!(
                    "Đơn vị của tác giả không thuộc {agency}: {units}. Thể lệ chỉ cho {}.",
                    lowercase_first(admits)
                )
            },
            agency_unclear: |agency, seen| {
                format!("Không xác định được tác giả có thuộc {agency} không: {seen}.")
            },
        },
        receiving_point: ReceivingPointWords {
            title: "Gửi đúng đầu mối tiếp nhận",
            no_point: "Thể lệ không quy định đầu mối tiếp nhận.",
            only_point: |labels| {
                format!(
                    "Thể lệ chỉ có một đầu mối tiếp nhận ({labels}); danh sách không ghi nơi nhận khác."
                )
            },
            not_given: |labels| {
                format!(
                    "Danh sách bài dự thi không ghi đầu mối tiếp nhận. Thể lệ cho gửi về: {labels}."
                )
            },
            member_organization: |point, label| {
                format!(
                    "Gửi về “{point}”: {label} nhận bài của đoàn viên, hội viên; hồ sơ không cho biết tác giả có phải đoàn viên, hội viên không."
                )
            },
            work_unit: |units| format!("; đơn vị công tác: {units}"),
            residence: |addresses| format!("; nơi cư trú: {addresses}"),
            not_permitted: |point, labels, who, lives| {
                format!(
                    "Gửi về “{point}”, không phải đầu mối thể lệ cho phép ({labels}){who}{lives}."
                )
            },
            unclear: |point, labels| {
                format!(
                    "Gửi về “{point}”; hồ sơ không đủ để biết đó có phải đơn vị công tác hay nơi cư trú của tác giả không. Thể lệ cho gửi về: {labels}."
                )
            },
            permitted: |point, label| {
                format!("Gửi về “{point}”: đầu mối thể lệ cho phép ({label}).")
            },
        },
        attachments: AttachmentWords {
            title: "Video, sản phẩm, hình ảnh kèm theo và bản Word",
            word_screened: " Bản Word là bài chính để sơ loại; video, hình ảnh, phần mềm Hội đồng xem trực tiếp.",
            summary_needed: |files| {
                format!(
                    "Chưa xác định: cần bản tóm tắt Word. Bài dự thi bằng video, hình ảnh, phần mềm phải trích xuất nội dung, ý tưởng ra bản Word; tệp đã gửi: {files}."
                )
            },
            main_unreadable: |files| {
                format!("Không đọc được bài chính nên không xác định được; tệp đã gửi: {files}.")
            },
            main: |files| format!("Bài chính: {files}. "),
            no_attachments: |main| format!("{main}Không có tệp kèm theo."),
            attached: |main, n, files, summary| {
                format!("{main}Kèm theo {n} tệp: {files}.{summary}")
            },
        },
        group_kind: GroupKindWords {
            title: "Cá nhân hay nhóm tác giả đúng số tác giả",
            group: "nhóm tác giả",
            individual: "cá nhân",
            no_author: "Không biết tác giả (danh sách và trang bìa đều không ghi).",
            undeclared: |n, names, kind| {
                format!("Danh sách không ghi hình thức; {n} tác giả ({names}): bài của {kind}.")
            },
            too_few: |n, names, min| {
                format!(
                    "Khai là nhóm tác giả nhưng chỉ có {n} tác giả ({names}); nhóm phải từ {min:02} người trở lên."
                )
            },
            individual_many: |n, names| format!("Khai là cá nhân nhưng có {n} tác giả ({names})."),
            individual_cover_group: |names| {
                format!("Khai là cá nhân ({names}) nhưng trang bìa ghi nhóm tác giả.")
            },
            declared: |kind, n, names| format!("Khai là {kind}; {n} tác giả ({names})."),
        },
        receiving_point_duplicate: ReceivingPointDuplicateWords {
            title: "Chỉ gửi một đầu mối tiếp nhận",
            no_limit: "Thể lệ không giới hạn số đầu mối tiếp nhận của một bài.",
            not_elsewhere: "Không thấy bài này ở đầu mối tiếp nhận nào khác.",
            also_elsewhere: |list| {
                format!(
                    "Bài này cũng được gửi qua đầu mối khác: {list}. Thể lệ: mỗi bài chỉ gửi một đầu mối."
                )
            },
            several_points: |n, points| format!("danh sách ghi {n} đầu mối cho bài này ({points})"),
            same_text: |id, point, share| {
                format!("{id} ({point}), trùng {:.0}% nội dung", share * 100.0)
            },
            same_title: |id, point| format!("{id} ({point}), cùng tên bài và tác giả"),
            and_more: |n| format!("và {n} bài khác"),
        },
        recycled_declared: RecycledDeclaredWords {
            title: "Bài khai đã dự thi: có văn bản giải trình",
            none_declared: "Danh sách không khai bài đã dự cuộc thi khác (bài tái sử dụng mà không khai do bước so sánh với kho đối chiếu phát hiện).",
            awarded: |declared| {
                format!(
                    "Danh sách khai bài đã dự “{declared}” và đạt giải; thể lệ chỉ cho bài đã dự thi nhưng không đạt giải tham gia lại."
                )
            },
            unreadable: |declared| {
                format!(
                    "Danh sách khai bài đã dự “{declared}”; không đọc được bài nên không biết có văn bản giải trình không."
                )
            },
            no_statement: |declared| {
                format!(
                    "Danh sách khai bài đã dự “{declared}” nhưng không kèm văn bản giải trình (ghi rõ tên cuộc thi đã tham dự; nội dung đã được chỉnh sửa, hoàn thiện)."
                )
            },
            in_entry: |page| format!("trong bài, trang {page}"),
            no_contest_name: "không ghi rõ tên cuộc thi đã tham dự",
            no_changes: "không nêu nội dung đã chỉnh sửa, hoàn thiện",
            and: " và ",
            statement_lacks: |declared, where_, missing| {
                format!(
                    "Danh sách khai bài đã dự “{declared}”; văn bản giải trình ({where_}) {missing}."
                )
            },
            other_contest: " Lưu ý: tên cuộc thi trong văn bản giải trình khác tên trong danh sách; Hội đồng đối chiếu.",
            this_contest: |where_, named, declared| {
                format!(
                    "Văn bản giải trình ({where_}) nêu chính cuộc thi này (“{named}”), không phải cuộc thi đã tham dự “{declared}”."
                )
            },
            statement_found: |declared, where_, named, note| {
                format!(
                    "Danh sách khai bài đã dự “{declared}”; có văn bản giải trình ({where_}) ghi cuộc thi “{named}” và nêu nội dung đã chỉnh sửa.{note}"
                )
            },
        },
        excluded_person: ExcludedPersonWords {
            title: "Tác giả không thuộc Ban Tổ chức, Ban Giám khảo, Tổ giúp việc",
            no_one_excluded: "Thể lệ không loại trừ ai khỏi cuộc thi và không có danh sách người không được dự thi.",
            no_author: "Không biết tên tác giả (danh sách và trang bìa đều không ghi) nên không đối chiếu được.",
            score: "độ giống",
            no_list: |roles| {
                format!(
                    "Thể lệ không cho thành viên {roles} dự thi, nhưng chưa có danh sách những người này (excluded-persons.csv) để đối chiếu."
                )
            },
            none_listed: |authors, n| {
                format!(
                    "Không tác giả nào ({authors}) có tên trong danh sách {n} người không được dự thi."
                )
            },
            matches_excluded: |roles, text| {
                let roles = roles.unwrap_or("danh sách không được dự thi");
                format!("Tác giả trùng tên thành viên {roles}: {text}.")
            },
            matches_other_role: |text| {
                format!(
                    "Tác giả trùng tên người trong danh sách ({text}), nhưng thể lệ không loại trừ vai trò này; Hội đồng quyết định."
                )
            },
        },
        late: LateWords {
            title: "Nộp bài đúng hạn",
            no_deadline: "Thể lệ không đặt hạn gửi bài cho tác giả hay đơn vị tiếp nhận.",
            council_deadline: |d| format!("hạn do Hội đồng đặt (--deadline): đến hết ngày {d}"),
            deadline_unreadable: |before| {
                format!("Hạn trong cấu hình cuộc thi không đọc được: “{before}”.")
            },
            up_to: |date| format!("đến hết ngày {date}"),
            before: |date, last| format!("trước ngày {date}, ngày cuối còn trong hạn là {last}"),
            for_authors: |when, who, what| format!("hạn gửi bài: {when} ({who}: {what})"),
            for_others: |who, what, when| {
                format!(
                    "thể lệ không đặt hạn cho tác giả; {who} phải {} {when}, nên bài đến sau ngày đó không kịp chuyển",
                    lowercase_first(what)
                )
            },
            cover_late: |line, written, rule| {
                format!(
                    "Danh sách không ghi ngày nộp, nhưng trang bìa ghi “{line}” ({written}), sau ngày cuối còn trong hạn: quá hạn ({rule})."
                )
            },
            date_unreadable: |why, rule| format!("Ngày nộp không đọc được ({why}); {rule}."),
            no_date: |rule| format!("Danh sách bài dự thi không ghi ngày nộp; {rule}."),
            late: |s, rule| format!("Nộp ngày {s}: quá hạn ({rule})."),
            in_time: |s, rule| format!("Nộp ngày {s}: trong hạn ({rule})."),
        },
        cannot_see: CannotSeeWords {
            needs_ocr: "Bản quét, cần nhận dạng ký tự (OCR): tệp không có lớp chữ nên không kiểm tra được. Cần xem trực tiếp hoặc yêu cầu tác giả gửi bản Word/PDF xuất từ Word.",
            plain_text: "Tệp văn bản thuần (.txt) không lưu phông chữ, cỡ chữ hay số trang. Cần bản Word hoặc PDF để kiểm tra.",
        },
        labelled: LabelledWords {
            place: |page, what, text| format!("trang {page} ({what}): “{text}”"),
            not_required: |what| {
                format!("Thể lệ cuộc thi này không yêu cầu ghi {what} trên trang bìa.")
            },
            found: |what, v| format!("Trang bìa ghi {what}: “{v}”."),
            no_labels: |what| {
                format!(
                    "Trang bìa không có nhãn nào (Họ và tên, Chức vụ, Đơn vị công tác…) nên soloai không tìm được {what}; cần xem trực tiếp trang bìa."
                )
            },
            missing: |what| format!("Trang bìa không ghi {what}."),
        },
        form_font: FormFontWords {
            title: "Phông chữ Times New Roman",
            no_body: "Không tìm thấy đoạn văn thân bài nào để kiểm tra phông chữ.",
            other_font: |f, n| format!("{f} {n} ký tự"),
            unknown: |n, share| {
                format!(
                    "Không xác định được phông chữ của {n} ký tự thân bài ({share}); cần xem trực tiếp."
                )
            },
            or_equivalent: " (hoặc phông tương đương)",
            share: |ok, total, fonts, min| {
                format!("{ok} ký tự thân bài ({total} ký tự) dùng phông {fonts} (yêu cầu ≥ {min}).")
            },
            other_fonts: |others| format!(" Phông khác: {others}."),
            examples: |places| format!(" Ví dụ: {places}."),
            metric_note: |n| {
                format!(
                    " Ghi chú: {n} ký tự dùng phông thay thế có cùng kích thước chữ với Times New Roman (như Liberation Serif, do LibreOffice nhúng khi máy không cài Times New Roman); được tính là đạt vì bản in giống hệt."
                )
            },
            fallback_note: |n, fonts| {
                format!(
                    " Ghi chú: {n} chữ cái tiếng Việt lẻ được trình tạo PDF lấy từ phông dự phòng ({fonts}) vì phông chính thiếu ký tự đó; được tính theo phông của chữ bên cạnh."
                )
            },
            legacy_note: |names| {
                format!(
                    " Bài dùng phông cũ theo bảng mã TCVN3/VNI ({names}); soloai đã chuyển sang Unicode để đọc, nhưng thể lệ yêu cầu phông Times New Roman (Unicode)."
                )
            },
            scanned: |pages| {
                format!(" Tuy nhiên trang {pages} là bản quét, không kiểm tra được phông.")
            },
        },
        form_size: FormSizeWords {
            title: "Cỡ chữ 14",
            no_body: "Không tìm thấy đoạn văn thân bài nào để kiểm tra cỡ chữ.",
            unknown: |n, share| {
                format!(
                    "Không xác định được cỡ chữ của {n} ký tự thân bài ({share}); cần xem trực tiếp."
                )
            },
            share: |good, total, want, min| {
                format!("{good} ký tự thân bài ({total} ký tự) ở cỡ chữ {want} (yêu cầu ≥ {min}).")
            },
            other_size: |s, n| format!("{s} pt {n} ký tự"),
            other_sizes: |others| format!(" Cỡ khác: {others}."),
            examples: |places| format!(" Ví dụ: {places}."),
            scanned: |pages| {
                format!(" Tuy nhiên trang {pages} là bản quét, không kiểm tra được cỡ chữ.")
            },
        },
        form_pagenum: FormPagenumWords {
            title: "Đánh số trang theo thứ tự",
            not_required: "Thể lệ cuộc thi này không yêu cầu đánh số trang.",
            cover_unnumbered: " Trang bìa không đánh số (được phép).",
            no_page_field: "Văn bản không có số trang: không đầu trang/chân trang nào có trường số trang (PAGE).",
            no_pages: "Tệp không có trang nào.",
            all_sections: |n| {
                format!(
                    "Có trường số trang (PAGE) ở đầu trang/chân trang của cả {n} phần (ngắt phần của Word) của văn bản."
                )
            },
            sections_unnumbered: |list| {
                format!(
                    "Phần (ngắt phần của Word) {list} không có số trang ở đầu trang/chân trang."
                )
            },
            even_unnumbered: |list| {
                format!(
                    "Trang chẵn của phần (ngắt phần của Word) {list} không có số trang (đặt \"Trang chẵn lẻ khác nhau\" nhưng chân trang trang chẵn không có trường PAGE)."
                )
            },
            first_unnumbered: |list| {
                format!(
                    "Trang đầu của phần (ngắt phần của Word) {list} không có số trang (đặt \"Trang đầu khác\")."
                )
            },
            scanned: |list| format!("Trang {list} là bản quét, không đọc được số trang."),
            all_pages: |n| format!("Cả {n} trang đều in số trang đúng thứ tự."),
            pages_missing: |list| format!("Trang không có số trang: {list}."),
            wrong_item: |p, v, e| format!("trang {p} in số {v} (đúng ra là {e})"),
            out_of_order: |items| format!("Số trang sai thứ tự: {items}."),
        },
        cover_name: CoverNameWords {
            title: "Trang bìa: họ và tên",
            what: "họ và tên",
        },
        cover_unit: CoverUnitWords {
            title: "Trang bìa: đơn vị công tác/địa chỉ",
            no_labels: "Trang bìa không có nhãn nào (Họ và tên, Đơn vị công tác, Địa chỉ…) nên soloai không tìm được đơn vị công tác/địa chỉ; cần xem trực tiếp trang bìa.",
            gives: |list| format!("Trang bìa ghi {list}."),
            address_later: |list, later| {
                format!(
                    "Trang bìa ghi {list}; địa chỉ “{later}” ghi ở phần sau của bài, không ở trang bìa."
                )
            },
            gives_none: |missing| format!("Trang bìa không ghi {missing}."),
            gives_some: |list, missing| format!("Trang bìa ghi {list} nhưng không ghi {missing}."),
            need_address: "địa chỉ",
            need_unit: "đơn vị công tác",
            need_unit_and_address: "đơn vị công tác và địa chỉ",
            need_unit_or_address: "đơn vị công tác hoặc địa chỉ",
            unit_given: |unit| format!("đơn vị công tác “{unit}”"),
            address_given: |address| format!("địa chỉ “{address}”"),
        },
        cover_position: CoverPositionWords {
            title: "Trang bìa: chức vụ",
            per_member: |listed| format!("Chức vụ ghi theo từng thành viên nhóm: {listed}."),
            what: "chức vụ",
        },
        cover_phone: CoverPhoneWords {
            title: "Số điện thoại liên lạc",
            not_required: "Thể lệ cuộc thi này không yêu cầu số điện thoại.",
            not_found: "Không tìm thấy số điện thoại liên lạc trên trang bìa hay trong bài.",
            on_cover: |phone| format!("Trang bìa ghi số điện thoại: “{phone}”."),
            on_page: |phone, page| {
                format!("Số điện thoại “{phone}” không ở trang bìa mà ở trang {page}.")
            },
            unparsed: |raw| {
                format!(
                    "Trang bìa ghi “{raw}” sau nhãn điện thoại nhưng đó không phải số điện thoại hợp lệ."
                )
            },
        },
        address: AddressWords {
            title: "Địa chỉ liên lạc",
            not_required: "Thể lệ cuộc thi này không yêu cầu ghi địa chỉ.",
            no_labels: "Trang bìa không có nhãn nào (Họ và tên, Địa chỉ…) nên soloai không tìm được địa chỉ; cần xem trực tiếp.",
            on_cover: |a| format!("Trang bìa ghi địa chỉ: “{a}”."),
            later: |a| format!("Địa chỉ “{a}” ghi ở phần sau của bài, không ở trang bìa."),
            unit_only: |u| format!(" (trang bìa chỉ ghi đơn vị công tác “{u}”)"),
            missing: |unit_note| format!("Bài dự thi không ghi địa chỉ{unit_note}."),
        },
        area: AreaRuleWords {
            title: "Nội dung dự thi (lĩnh vực)",
            too_little: "Văn bản có quá ít từ ngữ thuộc các nội dung a–h để xác định lĩnh vực; Hội đồng cần xem trực tiếp.",
            best: |area, conf, terms| {
                format!(
                    "Văn bản gần nhất với nội dung {area} (độ tin cậy {conf}; từ khóa: {terms})."
                )
            },
            not_in_plan: |letter| {
                format!("Nội dung đăng ký “{letter}” không có trong thể lệ cuộc thi.")
            },
            agrees: |area, best| format!("Bài đăng ký nội dung {area}. {best}"),
            disagrees: |area, share, best| {
                format!("Bài đăng ký nội dung {area} ({share}), nhưng {best}")
            },
            declared_unclear: |area, best| {
                format!(
                    "Bài đăng ký nội dung {area}; văn bản không nghiêng rõ về nội dung nào. {best}"
                )
            },
            unclear: |best| format!("Văn bản không nghiêng rõ về nội dung nào. {best}"),
        },
        group_members: GroupMembersWords {
            title: "Nhóm tác giả: thành viên và đại diện",
            individual: "Bài dự thi của cá nhân (trang bìa không ghi nhóm tác giả): không áp dụng.",
            head: |n, members| format!("Nhóm tác giả {n} thành viên ({members})."),
            rep_unnamed: " Có địa chỉ và số điện thoại nhưng không ghi rõ ai là thành viên đại diện; Hội đồng cần xem lại.",
            rep_contact: |rep, address, phone| {
                format!(" Đại diện nhóm: {rep}, địa chỉ “{address}”, điện thoại “{phone}”.")
            },
            too_few: |n, min| {
                format!("chỉ liệt kê {n} thành viên, nhóm phải từ {min} người trở lên")
            },
            no_rep: "không ghi thành viên đại diện nhóm",
            rep_named: |rep| format!("đại diện nhóm “{rep}”"),
            rep: "đại diện nhóm",
            need_address: "địa chỉ",
            need_phone: "số điện thoại",
            and: " và ",
            rep_lacks: |who, missing| format!("{who} thiếu {missing}"),
        },
        revision_statement: RevisionStatementWords {
            title: "Văn bản giải trình (bài đã dự thi nơi khác)",
            absent: "Không có văn bản giải trình. Chỉ bắt buộc khi bài đã tham gia cuộc thi khác (do bước so sánh trùng lặp xác định).",
            no_contest_name: " Không ghi rõ tên cuộc thi đã tham dự.",
            changes_described: " Có nêu nội dung đã chỉnh sửa, hoàn thiện.",
            changes_not_described: " Không nêu nội dung đã chỉnh sửa, hoàn thiện.",
            found: |place| format!("Có văn bản giải trình ({place})."),
            prior_contest: |name, year| format!(" Cuộc thi đã tham dự: “{name}” (năm {year})."),
            in_file: |file| format!("tệp kèm theo “{file}”"),
            in_entry: |page| format!("trong bài, trang {page}"),
        },
    },
    corpus_command: CorpusCommandWords {
        removed: "Đã xoá",
        index: "Kho:",
        documents: "Số tài liệu:",
        by_area: "Theo lĩnh vực:",
        text_chars: "Số ký tự văn bản:",
        on_disk: "Dung lượng:",
        segments: "phân đoạn chỉ mục",
        versions: "Phiên bản định dạng / bộ phân tích:",
        stale: "Lưu ý: kho được lập bằng phiên bản bộ phân tích cũ; chạy `soloai corpus rebuild`.",
        reading: "đang đọc tệp",
        added: "Đã thêm",
        error: "Lỗi:",
        id: "mã",
        score: "điểm",
        listed: |n, dir| format!("{n} tài liệu trong kho {dir}."),
        needs_rebuild: "Cần chạy `soloai corpus rebuild` để lập lại chỉ mục.",
        rebuilt: |n| format!("Đã lập lại chỉ mục cho {n} tài liệu."),
        skipped: |path, id, existing| {
            format!("Bỏ qua {path}: nội dung đã có trong kho (mã {id}, {existing}).")
        },
        add_summary: |dir, added, duplicates, failed, total| {
            format!(
                "Kho {dir}: thêm {added} tài liệu, bỏ qua {duplicates} trùng, {failed} tệp lỗi; tổng cộng {total} tài liệu."
            )
        },
        no_hits: |query| format!("Không tìm thấy tài liệu nào khớp với «{query}»."),
    },
    compare_command: CompareCommandWords {
        no_copying: "Không phát hiện trùng lặp.",
        originality: "tỷ lệ nguyên gốc",
        verdict: "Kết luận",
        similarity: "Tỷ lệ trùng lặp",
        word_for_word: "trùng từng chữ",
        idea_similarity: "tương đồng ý tưởng",
        excluded: "Đoạn được loại trừ",
        matched_passage: "Đoạn trùng",
        words: "từ",
        more_lines: "dòng nữa",
        with_index: |dir, docs| {
            format!(
                "Kho đối chiếu: {dir} ({} tài liệu): cụm từ nhiều tài liệu trong kho dùng chung được loại trừ như khi sơ loại.",
                count(docs, Lang::Vi)
            )
        },
        without_index: "Không có kho đối chiếu (--index): cụm từ nhiều văn bản dùng chung (điều khoản, thể thức văn bản) chưa được loại trừ, có thể bị tính là trùng lặp.",
    },
    scoring_command: ScoringCommandWords {
        name_profile: "(dùng --profile để chỉ cấu hình cuộc thi đã dùng khi sơ loại)",
        example_criteria: "LƯU Ý: tiêu chí chấm là VÍ DỤ trong cấu hình cuộc thi, chưa phải Quy chế chấm thi.",
        sheets: "phiếu chấm",
        written: "đã ghi",
        forwarded: "bài chuyển vòng chấm",
        valid_sheets: "Phiếu chấm hợp lệ",
        problems: "Vấn đề cần xử lý",
        more_problems: "vấn đề khác, xem bang-diem.xlsx",
        written_heading: "Đã ghi",
    },
    profile_command: ProfileCommandWords {
        unknown: |name, known| {
            format!(
                "Không có cấu hình cuộc thi '{name}' (có sẵn: {known}) và cũng không có tệp nào tên như vậy."
            )
        },
        title: "Thể lệ cuộc thi (hồ sơ soloai)",
        rules: "Các quy tắc kiểm tra (mã — tên — câu của kế hoạch — không đạt thì):",
        fail_flag: "không đạt: cảnh báo",
        information_only: "chỉ thông tin",
        holds: "; chưa xác định: bài chưa xác định",
        ineligible: "; không đạt: không tính vào chỉ tiêu",
        keys: "Các khóa (ý nghĩa → quy tắc đọc khóa):",
    },
    manifest_command: ManifestCommandWords {
        no_xlsx: "không tạo được tệp Excel mẫu",
        xlsx_needs_out: "cần --out TỆP.xlsx để ghi tệp Excel mẫu",
        exists: "tệp đã có; chọn tên khác hoặc thêm --force để ghi đè",
        cannot_write: "không ghi được tệp",
        wrote: "Đã ghi mẫu danh sách bài dự thi:",
    },
    package_command: PackageCommandWords {
        written: "Đã ghi gói hồ sơ",
        entries: "bài dự thi",
        note: "Lưu ý:",
    },
    extract_command: ExtractCommandWords {
        reading: "đang đọc bài dự thi",
        note: "lưu ý",
    },
    council_command: CouncilCommandWords {
        wrote_template: "Đã ghi mẫu thông tin Hội đồng:",
        wrote_minutes: "Đã ghi biên bản sơ loại:",
        template_not_written: |path, cause, kept| {
            let todo = if kept {
                "Tệp của Hội đồng được giữ nguyên; thêm --force để ghi đè hoặc chọn tên khác."
            } else {
                "Kiểm tra thư mục có quyền ghi."
            };
            format!("{path}: không ghi được tệp thông tin Hội đồng ({cause}). {todo}")
        },
    },
    council_file: TomlFileWords {
        not_read: |path, cause| {
            format!("{path}: không đọc được tệp thông tin Hội đồng ({cause}). Kiểm tra đường dẫn.")
        },
        not_text: |path| {
            format!(
                "{path}: tệp thông tin Hội đồng không phải văn bản UTF-8. Mở bằng Notepad và lưu lại với mã hóa UTF-8."
            )
        },
        not_valid: |path, line, cause| {
            let at = line.map(|l| format!(", dòng {l}")).unwrap_or_default();
            format!(
                "{path}{at}: tệp thông tin Hội đồng không hợp lệ ({cause}). Xem mẫu bằng 'soloai council-template'."
            )
        },
        wrong: |path, problem| format!("{path}: thông tin Hội đồng sai: {problem}"),
        problem: council_problem,
    },
    profile_file: TomlFileWords {
        not_read: |path, cause| {
            format!("{path}: không đọc được tệp cấu hình cuộc thi ({cause}). Kiểm tra đường dẫn.")
        },
        not_text: |path| {
            format!(
                "{path}: tệp cấu hình cuộc thi không phải văn bản UTF-8. Mở bằng Notepad và lưu lại với mã hóa UTF-8."
            )
        },
        not_valid: |path, line, cause| {
            let at = line.map(|l| format!(", dòng {l}")).unwrap_or_default();
            format!(
                "{path}{at}: tệp cấu hình cuộc thi không hợp lệ ({cause}). Xem mẫu bằng 'soloai profile show lang-son-2025'."
            )
        },
        wrong: |path, problem| format!("{path}: cấu hình cuộc thi sai: {problem}"),
        problem: profile_problem,
    },
    decisions_file: DecisionsFileWords {
        not_read: |path, cause| {
            format!(
                "{path}: không đọc được tệp quyết định của Hội đồng ({cause}). Kiểm tra đường dẫn."
            )
        },
        not_decisions: |path, line, cause| {
            format!(
                "{path}, dòng {line}: không phải tệp quyết định của Hội đồng ({cause}). Dùng tệp .json tải về từ ứng dụng web (Quyết định của Hội đồng)."
            )
        },
        too_many: |path, max| {
            format!(
                "{path}: tệp quyết định có hơn {max} quyết định; tệp này không phải của một cuộc thi."
            )
        },
    },
    manifest_error: ManifestErrorWords {
        place: |file, line, column| {
            let mut place = file.to_string();
            if let Some(line) = line {
                place.push_str(&format!(", dòng {line}"));
            }
            if let Some(column) = column {
                place.push_str(&format!(", cột \"{column}\""));
            }
            place
        },
        what: manifest_error,
    },
    index_error: IndexErrorWords {
        index: index_error,
        not_added: index_not_added,
    },
    scoring_error: ScoringErrorWords {
        report_not_read: |path, cause| {
            format!(
                "{path}: không đọc được báo cáo sơ loại ({cause}). Chỉ đến thư mục kết quả của 'soloai screen' (có report.json)."
            )
        },
        not_a_report: |path, line, cause| {
            format!(
                "{path}, dòng {line}: không phải báo cáo sơ loại của soloai ({cause}). Chỉ đến thư mục kết quả của 'soloai screen' (có report.json)."
            )
        },
        no_criteria: "Cấu hình cuộc thi chưa có tiêu chí chấm ([scoring]). Thêm tiêu chí theo Quy chế chấm thi (xem 'soloai profile show lang-son-2025').",
        no_council: "Chưa có thông tin Hội đồng (council.toml): danh sách người chấm và xung đột lợi ích lấy từ đó. Dùng --council TỆP hoặc chạy lại 'soloai screen' với council.toml.",
        no_jury: "Không thành viên nào của Hội đồng chấm điểm (mọi thành viên có marks = false).",
        no_entries: "Không có bài dự thi nào được chuyển vòng chấm.",
    },
    copy_flags: CopyFlagWords {
        also: "cùng với",
        matches_entry: "trùng với bài dự thi",
        matches_entries: |n| format!("trùng với {n} bài dự thi:"),
        matches_source: "trùng với",
        matches_sources: |n| format!("trùng với {n} nguồn:"),
        same_idea: "cùng ý tưởng với",
        same_ideas: |n| format!("cùng ý tưởng với {n} nguồn:"),
        and_more: |n| format!("và {n} nguồn khác"),
    },
    matching: MatchWords {
        kind_exact: "Sao chép nguyên văn",
        kind_near: "Sao chép có chỉnh sửa",
        kind_partial: "Sao chép một phần",
        kind_idea: "Trùng lặp ý tưởng",
        signal_verbatim: "nguyên văn",
        signal_paraphrase: "diễn đạt lại",
        signal_idea: "ý tưởng",
        excluded_template: "văn bản mẫu",
        excluded_auto_template: "đoạn văn có ở nhiều bài dự thi",
        excluded_quote: "trích dẫn",
        excluded_citation: "căn cứ pháp lý",
        excluded_common: "cụm từ phổ biến",
        excluded_legal_quote: "trích dẫn văn bản pháp luật",
    },
    council: CouncilWords {
        chair: "Chủ tịch Hội đồng",
        vice_chair: "Phó Chủ tịch Hội đồng",
        secretary: "Thư ký Hội đồng",
        member: "Thành viên Hội đồng",
        screening_council: "Hội đồng sơ loại",
    },
    corpus_kinds: CorpusKindWords {
        applied: "Mô hình đã áp dụng",
        published: "Giải pháp đã công khai",
        past_entry: "Bài dự thi trước",
        template: "Văn bản mẫu",
    },
    marking_round: MarkingRoundWords {
        contest_named: |name| {
            if name.to_lowercase().starts_with("cuộc thi") {
                name.to_string()
            } else {
                format!("Cuộc thi “{name}”")
            }
        },
        first: "Giải Nhất",
        second: "Giải Nhì",
        third: "Giải Ba",
        consolation: "Giải Khuyến khích",
        paper: marking_paper,
    },
    screening: ScreeningWords {
        adding_corpus: "Nạp kho đối chiếu",
        reading_entries: "Đọc bài dự thi",
        needs_ocr: "Bản quét, không có lớp chữ: cần nhận dạng ký tự (OCR) trước khi sơ loại.",
    },
    extract_error,
    recycled_finding,
    sheet_error,
    serve_error,
    thresholds_explained,
};

/// An unreadable file's reason and what to do (without the file name).
fn council_problem(problem: &crate::council::CouncilProblem) -> String {
    use crate::council::CouncilProblem::*;
    match problem {
        TooLong { field, max } => format!("'{field}' dài quá {max} ký tự"),
        ControlCharacters { field } => format!("'{field}' chứa ký tự điều khiển"),
        NoUnit => "'unit' để trống: ghi tên cơ quan, đơn vị tổ chức sơ loại".into(),
        NotADate { field, value } => {
            format!("{field} '{value}' không phải ngày (ghi 08/07/2025 hoặc 2025-07-08)")
        }
        NotATime { field, value } => format!("{field} '{value}' không phải giờ (ghi 08:00)"),
        EndsBeforeStart {
            section,
            start,
            end,
        } => format!("[{section}]: cuộc họp kết thúc ({end}) trước khi bắt đầu ({start})"),
        NoMembers => "chưa có thành viên nào ([[members]])".into(),
        TooManyMembers { max } => format!("nhiều hơn {max} thành viên"),
        MemberWithoutName { number } => format!("thành viên thứ {number} chưa có tên"),
        MemberTwice { name } => format!("thành viên '{name}' được ghi hai lần"),
        TwoChairs => "có hơn một Chủ tịch Hội đồng (role = \"chu-tich\")".into(),
        TooManyConflicts { max } => format!("nhiều hơn {max} trường hợp xung đột lợi ích"),
        ConflictNotAMember { member } => {
            format!(
                "xung đột lợi ích ghi '{member}', người không có trong danh sách thành viên ([[members]])"
            )
        }
        ConflictEntryAndUnit { member } => format!(
            "xung đột lợi ích của '{member}' ghi cả bài dự thi (entry) lẫn đơn vị (unit): mỗi mục chỉ ghi một"
        ),
        ConflictNeitherEntryNorUnit { member } => format!(
            "xung đột lợi ích của '{member}' chưa ghi bài dự thi (entry) hay đơn vị (unit) nào"
        ),
    }
}

fn profile_problem(problem: &crate::profile::ProfileProblem) -> String {
    use crate::profile::ProfileProblem::*;
    let rank = |r: &crate::profile::PrizeRank| r.label(Lang::Vi);
    match problem {
        NoName => "'name' để trống: đặt tên ngắn cho cuộc thi".into(),
        NoAreas => "chưa có lĩnh vực dự thi nào ([[areas]])".into(),
        AreaTwice { letter } => format!("lĩnh vực '{letter}' được ghi hai lần"),
        NoFonts => "chưa có phông chữ nào được chấp nhận ([[form.fonts]])".into(),
        NotAFontSize { size } => format!("form.size_pt = {size} không phải cỡ chữ"),
        BodyShareOutOfRange => "form.min_body_share phải nằm trong khoảng 0 đến 1".into(),
        DeadlineNotADate { what, value } => {
            format!("thời hạn '{what}' ghi ngày '{value}', cần ghi dạng YYYY-MM-DD (ví dụ 2025-07-15)")
        }
        NoRegion => "eligibility.scope = \"region\" cần ghi eligibility.region (địa bàn)".into(),
        NoAgency => "eligibility.scope = \"staff\" cần ghi eligibility.agency (cơ quan)".into(),
        NamedPointWithoutNames { label } => {
            format!("nơi nhận bài '{label}' thuộc loại 'named' nhưng chưa ghi tên đơn vị nào (names)")
        }
        NoCriteria => "[scoring] chưa có tiêu chí chấm nào ([[scoring.criteria]])".into(),
        TooManyItems { section, max } => format!("[{section}] ghi nhiều hơn {max} mục"),
        CriterionWithoutCodeOrName { number } => {
            format!("tiêu chí chấm thứ {number} cần có mã (code) và tên (name)")
        }
        CriterionMax { code, max } => {
            format!("tiêu chí '{code}' có điểm tối đa {max}, cần lớn hơn 0 và không quá 1000")
        }
        CriterionTwice { code } => format!("tiêu chí '{code}' được ghi hai lần"),
        TieBreakNotACriterion { code } => {
            format!("tie_break ghi tiêu chí '{code}', tiêu chí này không có trong [[scoring.criteria]]")
        }
        TrimTooFew => "trim_when_at_least phải từ 3 trở lên (bỏ điểm cao nhất và thấp nhất của ít hơn 3 người chấm thì không còn điểm nào)".into(),
        GroupAmountFactor { factor } => {
            format!("group_amount_factor = {factor} phải lớn hơn 0 và không quá 100")
        }
        MinTotal { value } => format!("min_total = {value} phải từ 0 trở lên"),
        PrizeTwice { rank: r } => format!("{} được ghi hai lần trong [prizes]", rank(r)),
        PrizeWithoutGroupAmount { rank: r } => format!(
            "{}: ghi group_amount_vnd (mức thưởng cho nhóm) hoặc group_amount_factor trong [prizes]",
            rank(r)
        ),
        PrizeTooLarge { rank: r } => format!("{}: mức thưởng quá lớn", rank(r)),
    }
}

fn manifest_error(kind: &crate::manifest::ManifestErrorKind) -> String {
    use crate::error::{io_words, not_regular_words};
    use crate::manifest::ManifestErrorKind::*;
    match kind {
        Io { cause } => format!("không đọc được tệp ({})", io_words(cause, Lang::Vi)),
        NotAFile { what } => format!(
            "{} chứ không phải tệp thường; chỉ đến chính tệp danh sách",
            not_regular_words(what, Lang::Vi)
        ),
        TooLarge { limit } => format!(
            "tệp quá lớn (giới hạn {} MB); kiểm tra lại tệp danh sách",
            crate::error::megabytes(*limit)
        ),
        Unsupported { found } => {
            format!("không phải tệp CSV hoặc Excel .xlsx ({found}); lưu lại thành .csv hoặc .xlsx")
        }
        Corrupt { cause } => format!("tệp bị hỏng ({cause}); mở bằng Excel và lưu lại"),
        MissingColumn { expected } => {
            format!("thiếu cột {expected}; dùng mẫu do lệnh `soloai manifest-template` tạo")
        }
        MissingValue => "dòng có dữ liệu nhưng thiếu cả mã bài và tệp".into(),
        BadValue { value, expected } => {
            format!("giá trị \"{value}\" không hợp lệ; cần {expected}")
        }
        DuplicateId { id, first_line } => format!("mã bài \"{id}\" trùng với dòng {first_line}"),
        TooManyRows { limit } => format!(
            "từ dòng này trở đi không được đọc: mỗi tệp danh sách đọc tối đa {} dòng; chia thành nhiều tệp",
            count(*limit, Lang::Vi)
        ),
        UnplacedUnit { unit } => format!(
            "không xác định được loại đơn vị của \"{unit}\"; ghi cột \"Loại đơn vị\" ({})",
            crate::manifest::KIND_WORDS_HELP
        ),
    }
}

fn index_error(kind: &crate::index::IndexErrorKind) -> String {
    use crate::index::IndexErrorKind::*;
    match kind {
        Missing => "Chưa có kho đối chiếu ở thư mục này. Tạo bằng lệnh \
             `soloai corpus add TỆP...` hoặc chỉ đúng thư mục bằng --index."
            .into(),
        Foreign => "Thư mục này có dữ liệu khác, không phải kho đối chiếu của \
             soloai (thiếu soloai-meta.json). Chọn thư mục trống hoặc thư mục kho khác bằng --index."
            .into(),
        CorruptMeta { cause } => format!(
            "Tệp soloai-meta.json của kho bị hỏng ({cause}). Khôi phục thư mục từ bản sao \
             lưu, hoặc xoá thư mục và thêm lại tài liệu."
        ),
        SchemaVersion { found, expected } => format!(
            "Kho được tạo bởi phiên bản soloai khác (định dạng {found}, cần {expected}). \
             Dùng đúng phiên bản soloai, hoặc tạo kho mới và thêm lại tài liệu."
        ),
        Corrupt { cause } => format!(
            "Dữ liệu kho bị hỏng hoặc không đầy đủ ({cause}). Khôi phục thư mục từ bản sao \
             lưu, hoặc xoá thư mục và thêm lại tài liệu."
        ),
        Busy => "Một tiến trình soloai khác đang ghi vào kho. Chờ tiến trình đó \
             kết thúc rồi chạy lại."
            .into(),
        Io { cause } => format!(
            "Không đọc/ghi được thư mục kho ({}). Kiểm tra quyền truy cập và dung lượng đĩa.",
            crate::error::io_words(cause, Lang::Vi)
        ),
        NoSuchDocument { id } => format!(
            "Không có tài liệu mã '{id}' trong kho. Xem danh sách bằng `soloai corpus list`."
        ),
        AmbiguousId { id, count } => {
            format!("Mã '{id}' khớp với {count} tài liệu. Gõ thêm ký tự của mã.")
        }
    }
}

fn index_not_added(failure: &crate::index::AddFailure) -> String {
    use crate::index::AddFailure::*;
    match failure {
        Extract(e) => e.message(Lang::Vi),
        FrontMatter { cause, .. } => format!(
            "Phần đầu +++ … +++ (front matter) không đúng cú pháp TOML ({cause}). Sửa lại \
             rồi thêm lại tệp."
        ),
        NoText { .. } => {
            "Tệp không có chữ để đưa vào kho (trống hoặc bản quét). Dùng bản có lớp chữ.".into()
        }
        Walk { cause, .. } => format!(
            "Không đọc được thư mục ({}).",
            crate::error::io_words(cause, Lang::Vi)
        ),
    }
}

fn recycled_finding(reason: &crate::compare::FindingReason) -> String {
    use crate::compare::FindingReason::*;
    let year = |y: &Option<u16>| y.map(|y| format!(" ({y})")).unwrap_or_default();
    let pct = |x: &f64| format!("{:.0}%", x * 100.0);
    match reason {
        AlreadyAwarded {
            past,
            contest,
            year: y,
            share,
        } => format!(
            "Trùng {} với bài \"{past}\" đã đạt giải tại cuộc thi {contest}{}: không đủ điều kiện dự thi.",
            pct(share),
            year(y)
        ),
        NoStatement {
            past,
            contest,
            year: y,
            share,
        } => format!(
            "Trùng {} với bài \"{past}\" đã dự thi {contest}{} (không đạt giải) nhưng không có văn bản giải trình.",
            pct(share),
            year(y)
        ),
        StatementNamesOther {
            past,
            contest,
            year: y,
            share,
            named,
        } => format!(
            "Trùng {} với bài \"{past}\" đã dự thi {contest}{}, nhưng văn bản giải trình ghi cuộc thi \"{named}\".",
            pct(share),
            year(y)
        ),
        TooLittleNew {
            contest,
            year: y,
            new_share,
            required,
        } => format!(
            "Có văn bản giải trình về cuộc thi {contest}{} nhưng phần nội dung mới chỉ {} (yêu cầu từ {}).",
            year(y),
            pct(new_share),
            pct(required)
        ),
        TwoReceivingPoints {
            entry,
            entry_point,
            other,
            other_point,
        } => format!(
            "Bài \"{entry}\" (gửi {entry_point}) và bài \"{other}\" (gửi {other_point}) là cùng một bài gửi qua nhiều đầu mối tiếp nhận."
        ),
    }
}

fn thresholds_explained(t: &crate::compare::Thresholds) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    // The share path of common wording, unless turned off.
    let share = if t.common_min_share > 0.0 {
        format!(" hoặc chiếm từ {} kho", pct(t.common_min_share))
    } else {
        String::new()
    };
    format!(
        "Chỉ tính các đoạn trùng từ {} âm tiết trở lên, nguyên văn hoặc diễn đạt lại; không tính trích dẫn, căn cứ pháp lý, trích dẫn văn bản pháp luật, văn bản mẫu, \
         cụm từ phổ biến (có ở từ {} tài liệu của kho đối chiếu, thuộc từ {} nguồn{}) và đoạn có ở hơn {} số bài; \
         \"sao chép nguyên văn\" khi từ {} nội dung bài trùng gần như từng chữ, \"sao chép có chỉnh sửa\" khi từ {} nội dung bài trùng, \
         \"sao chép một phần\" khi có đoạn trùng từ {} âm tiết, \"trùng lặp ý tưởng\" khi độ tương đồng từ khóa (tf-idf) từ {} mà ít câu chữ trùng.",
        t.min_span_words,
        t.common_min_docs,
        t.common_min_sources,
        share,
        pct(t.template_share),
        pct(t.exact_min),
        pct(t.near_min),
        t.min_passage_words,
        pct(t.idea_min),
    )
}

fn sheet_error(error: &crate::scoring::read::SheetError) -> String {
    use crate::scoring::read::MAX_INFLATED_BYTES;
    use crate::scoring::read::SheetError::*;
    use crate::scoring::sheet::{SCHEMA, SHEET_NAME};
    match error {
        Io(cause) => format!("không đọc được tệp ({})", crate::error::io_words(cause, Lang::Vi)),
        NotAFile => "không phải tệp thường (liên kết hoặc thư mục)".into(),
        TooLarge(n) => format!(
            "tệp {} MB, quá lớn cho một phiếu chấm",
            crate::error::megabytes(*n)
        ),
        NotXlsx(e) => format!("không phải tệp Excel (.xlsx) hợp lệ ({e})"),
        TooManyParts(n) => format!("tệp có {n} thành phần, quá nhiều"),
        Inflates(n) => format!(
            "tệp giải nén ra {} MB, vượt giới hạn {} MB (có thể là zip bomb)",
            crate::error::megabytes(*n),
            crate::error::megabytes(MAX_INFLATED_BYTES)
        ),
        NotOurs => "không phải phiếu chấm do soloai tạo (thiếu trang thông tin 'soloai'); dùng phiếu từ 'soloai scoring sheets'".into(),
        Version(v) => format!("phiếu chấm phiên bản '{v}' không được hỗ trợ (cần {SCHEMA})"),
        Edited => format!(
            "phiếu đã bị sửa cấu trúc (thiếu trang '{SHEET_NAME}' hoặc điểm tối đa); dùng lại phiếu gốc"
        ),
    }
}

fn serve_error(error: &crate::serve::ServeError) -> String {
    use crate::serve::ServeError::*;
    match error {
        Io { path, source } => format!(
            "Không dùng được thư mục dữ liệu {} ({}). Kiểm tra quyền ghi.",
            path.display(),
            io_error(source, Lang::Vi)
        ),
        Bind { addr, source } => format!(
            "Không mở được cổng {addr} ({}). Cổng đã có chương trình khác dùng, hoặc cần chọn --bind khác.",
            io_error(source, Lang::Vi)
        ),
        Db(e) => format!("Không mở được cơ sở dữ liệu: {e}"),
        Corpus(message) => message.clone(),
    }
}

fn extract_error(kind: &crate::error::ExtractErrorKind) -> String {
    use crate::error::ExtractErrorKind::*;
    use crate::error::{format_words, grouped, io_words, megabytes, not_regular_words};
    match kind {
        Io { cause } => format!(
            "Không đọc được tệp ({}). Kiểm tra tệp còn tồn tại và có quyền đọc.",
            io_words(cause, Lang::Vi)
        ),
        NotRegular { what } => format!(
            "Không đọc: {} chứ không phải tệp thường. Hãy đặt chính tệp bài dự thi vào thư mục.",
            not_regular_words(what, Lang::Vi)
        ),
        Empty => {
            "Tệp rỗng (0 byte). Yêu cầu tác giả gửi lại tệp bài dự thi.".into()
        }
        NoDocument { video: true } => {
            "Bài dự thi dạng video chưa có bản tóm tắt Word: cần bản Word trích xuất nội dung, ý tưởng như bài thi viết.".into()
        }
        NoDocument { video: false } => {
            "Thư mục bài dự thi không có văn bản nào để đọc (.docx, .pdf, .doc, .odt, .txt).".into()
        }
        TooLarge { what, limit } => format!(
            "Tệp quá lớn ({what} vượt giới hạn {limit} byte). Hãy xuất lại tệp nhỏ hơn hoặc tách tệp."
        ),
        FileTooLarge { size, limit } => format!(
            "Tệp quá lớn ({} MB, giới hạn {} MB). Hãy xuất lại tệp nhỏ hơn hoặc tách tệp.",
            megabytes(*size),
            megabytes(*limit)
        ),
        TooManyPages { pages, limit } => format!(
            "Tệp quá nhiều trang ({pages} trang, giới hạn {limit} trang). Hãy tách tệp hoặc gửi phần bài dự thi."
        ),
        ZipBomb { member } => format!(
            "Tệp nén bất thường: phần '{member}' giải nén vượt giới hạn (nghi 'bom zip'). Yêu cầu tác giả gửi lại tệp."
        ),
        XmlTooDeep { part } => format!(
            "Cấu trúc tệp bất thường (XML lồng quá sâu trong '{part}'). Mở bằng Word và lưu lại."
        ),
        WrongFormat { expected, found } => format!(
            "Tệp mang đuôi .{expected} nhưng thực chất là {}. Yêu cầu tác giả gửi đúng tệp bài dự thi.",
            format_words(found, Lang::Vi)
        ),
        Unsupported { found } => format!(
            "Định dạng không hỗ trợ ({found}). Chấp nhận: .docx, .pdf, .doc, .odt, .txt."
        ),
        Encrypted => {
            "Tệp có mật khẩu. Yêu cầu tác giả gửi bản không đặt mật khẩu.".into()
        }
        Corrupt { cause } => format!(
            "Tệp bị hỏng hoặc không đầy đủ ({}). Yêu cầu tác giả gửi lại tệp.",
            corrupt_words(cause)
        ),
        NeedsConversion { format } => format!(
            "Tệp .{format} cần LibreOffice để đọc (chưa cài 'soffice'). Cài LibreOffice hoặc mở tệp bằng Word và lưu thành .docx."
        ),
        ConversionFailed { .. } => {
            "LibreOffice không chuyển đổi được tệp. Mở bằng Word và lưu thành .docx.".into()
        }
        Timeout { seconds } => format!(
            "Đọc tệp quá {seconds} giây nên đã dừng. Kiểm tra tệp bằng Word/trình đọc PDF."
        ),
        OverBudget { what, limit } => format!(
            "Đọc tệp cần quá nhiều bộ nhớ ({} vượt giới hạn {} MB cho một tệp) nên đã dừng. Mở bằng Word/trình đọc PDF, lưu hoặc in lại thành tệp mới rồi gửi lại.",
            what.label(Lang::Vi),
            limit / (1024 * 1024)
        ),
        WorkLimit { measure, limit } => format!(
            "Tệp vượt giới hạn xử lý: cần hơn {} {} (tệp nhỏ nhưng đòi khối lượng xử lý bất thường, ví dụ hình vẽ lồng nhau nhiều tầng), nên đã dừng đọc. Mở tệp bằng trình đọc PDF, in ra PDF mới rồi gửi lại.",
            grouped(*limit, '.'),
            work_measure(*measure)
        ),
        Panic { .. } => {
            "Lỗi nội bộ của soloai khi đọc tệp. Vui lòng báo lỗi kèm tệp này.".into()
        }
    }
}

/// A reader's cause of a broken file: the known causes are worded in Vietnamese, anything
/// else is shown as a technical detail.
fn corrupt_words(cause: &str) -> String {
    let quoted = |rest: &str| rest.split('\'').next().unwrap_or_default().to_string();
    if let Some(rest) = cause.strip_prefix("zip member '") {
        format!("phần '{}' của tệp nén bị hỏng", quoted(rest))
    } else if cause.starts_with("zip:") {
        "cấu trúc nén (zip) bị hỏng hoặc thiếu".into()
    } else if let Some(rest) = cause.strip_prefix("XML in '") {
        format!("XML trong '{}' sai cấu trúc", quoted(rest))
    } else if cause.starts_with("the main part '") {
        "thiếu phần nội dung chính của tài liệu Word".into()
    } else if cause.starts_with("PDF structure unreadable") {
        "cấu trúc PDF không đọc được".into()
    } else if cause == "no pages found in the PDF" {
        "PDF không có trang nào".into()
    } else if cause == "ole" {
        "cấu trúc tệp Word cũ (.doc) bị hỏng".into()
    } else {
        format!("chi tiết kỹ thuật: {cause}")
    }
}

/// What a per-file work budget counts.
fn work_measure(measure: crate::error::WorkMeasure) -> &'static str {
    use crate::error::WorkMeasure;
    match measure {
        WorkMeasure::Operators => "lệnh vẽ trong luồng nội dung",
        WorkMeasure::ContentBytes => "byte luồng nội dung phải phân tích",
        WorkMeasure::InflatedBytes => "byte giải nén",
        WorkMeasure::Characters => "ký tự",
    }
}

fn marking_paper(file: &str) -> Option<&'static str> {
    Some(match file {
        "bien-ban-cham-diem.docx" => "Biên bản chấm điểm (Word)",
        "bang-diem.xlsx" => "Bảng tổng hợp điểm (Excel)",
        "danh-sach-khen-thuong.docx" => "Danh sách đề nghị khen thưởng (Word)",
        "danh-sach-khen-thuong.xlsx" => "Danh sách đề nghị khen thưởng (Excel)",
        "ket-qua-cham.json" => "Kết quả chấm (JSON)",
        _ => return None,
    })
}

fn check_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "FORM-FONT" => "Phông chữ Times New Roman",
        "FORM-SIZE" => "Cỡ chữ 14",
        "FORM-PAGENUM" => "Đánh số trang",
        "COVER-NAME" => "Trang bìa: họ và tên",
        "COVER-POSITION" => "Trang bìa: chức vụ",
        "COVER-UNIT" => "Trang bìa: đơn vị công tác/địa chỉ",
        "COVER-PHONE" => "Trang bìa: số điện thoại",
        "GROUP-MEMBERS" => "Nhóm tác giả và đại diện nhóm",
        "AREA" => "Lĩnh vực dự thi",
        "REVISION-STATEMENT" => "Văn bản giải trình",
        "LATE" => "Thời hạn nộp bài",
        "EXCLUDED-PERSON" => "Đối tượng được dự thi",
        "QUOTA" => "Chỉ tiêu của đơn vị",
        "RECEIVING-POINT" => "Đầu mối tiếp nhận",
        "GROUP-KIND" => "Cá nhân/nhóm tác giả đúng đăng ký",
        "ADDRESS" => "Địa chỉ của tác giả",
        "ATTACHMENTS" => "Tệp kèm theo",
        "ELIGIBLE-AUTHOR" => "Tác giả thuộc đối tượng của cuộc thi",
        "RECEIVING-POINT-DUPLICATE" => "Chỉ gửi về một đầu mối tiếp nhận",
        "RECYCLED-DECLARED" => "Bài đã dự cuộc thi khác (có khai)",
        _ => return None,
    })
}

fn flag_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "RECYCLED-NO-STATEMENT" => "Bài đã dự thi nơi khác, thiếu văn bản giải trình",
        "RECYCLED-AWARDED" => "Bài đã đạt giải ở cuộc thi khác",
        "RECEIVING-POINT-DUPLICATE" => "Gửi qua nhiều đầu mối tiếp nhận",
        "LATE" => "Nộp sau thời hạn",
        "EXCLUDED-PERSON" => "Tác giả thuộc diện không được dự thi",
        "COPY" => "Sao chép bài dự thi khác",
        "CORPUS-COPY" => "Trùng mô hình, giải pháp đã có",
        "IDEA" => "Trùng lặp ý tưởng",
        "AREA-MISMATCH" => "Lĩnh vực khác với lĩnh vực đăng ký",
        "NEEDS-OCR" => "Bản quét, cần nhận dạng ký tự (OCR)",
        "ERROR" => "Không đọc được tệp",
        _ => return None,
    })
}

fn match_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "exact" => "Sao chép nguyên văn",
        "near" => "Sao chép có chỉnh sửa",
        "partial" => "Sao chép một phần",
        "idea" => "Trùng lặp ý tưởng",
        _ => return None,
    })
}

fn signal(signal: &str) -> Option<&'static str> {
    Some(match signal {
        "verbatim" => "Trùng nguyên văn",
        "paraphrase" => "Diễn đạt lại",
        "idea" => "Trùng ý tưởng",
        _ => return None,
    })
}

fn source_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "applied" => "Mô hình đã áp dụng",
        "published" => "Giải pháp đã công khai áp dụng",
        "past-entry" => "Bài đã dự thi cuộc thi khác",
        "template" => "Văn bản mẫu",
        "entry" => "Bài dự thi khác trong đợt",
        _ => return None,
    })
}

fn excluded_reason(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "template" => "văn bản mẫu",
        "shared" => "đoạn chung của nhiều bài",
        "auto-template" => "đoạn văn có ở nhiều bài dự thi",
        "citation" => "trích dẫn văn bản pháp luật, căn cứ",
        "quote" => "trích dẫn",
        "legal-citation" => "trích dẫn văn bản pháp luật",
        "cover" => "trang bìa",
        // The codes copy detection writes (compare::Reason).
        "common" => "cụm từ phổ biến",
        "legal-quote" => "trích dẫn văn bản pháp luật",
        _ => return None,
    })
}

fn area(letter: &str) -> Option<&'static str> {
    Some(match letter {
        "a" => "Chỉ đạo điều hành",
        "b" => "Cải cách thể chế",
        "c" => "Cải cách thủ tục hành chính",
        "d" => "Cải cách tổ chức bộ máy",
        "đ" => "Cải cách chế độ công vụ",
        "e" => "Cải cách tài chính công",
        "g" => "Xây dựng chính quyền điện tử, chính quyền số",
        "h" => "Nâng cao năng lực cạnh tranh (PCI)",
        _ => return None,
    })
}

fn unit_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "department" => "Sở, ban, ngành",
        "district" => "UBND cấp huyện",
        "commune" => "UBND cấp xã",
        "social-organization" => "Tổ chức chính trị - xã hội, tổ chức xã hội",
        "central-agency" => "Cơ quan Trung ương đóng trên địa bàn tỉnh",
        "internal-division" => "Phòng, đơn vị trực thuộc",
        _ => return None,
    })
}

fn cli_command(path: &str) -> Option<&'static str> {
    Some(match path {
        "extract" => {
            "Đọc bài dự thi (.docx, .pdf, .txt; .doc/.odt qua LibreOffice) và in văn bản hoặc JSON"
        }
        "check" => "Kiểm tra hình thức từng bài theo thể lệ cuộc thi",
        "profile" => "Xem các bộ tiêu chí (thể lệ cuộc thi) có sẵn",
        "profile list" => "Liệt kê các bộ tiêu chí có sẵn",
        "profile show" => "In một bộ tiêu chí dạng TOML (bộ có sẵn giữ chú thích dẫn kế hoạch)",
        "corpus" => "Quản lý kho đối chiếu (mô hình, giải pháp, bài dự thi trước)",
        "corpus add" => {
            "Nạp tệp hoặc thư mục vào kho (.md/.txt có phần đầu +++, .docx, .pdf, .doc, .odt)"
        }
        "corpus list" => "Liệt kê tài liệu trong kho",
        "corpus remove" => "Xóa một tài liệu theo mã (hoặc vài ký tự đầu của mã)",
        "corpus search" => "Tìm trong kho; gõ không dấu cũng được",
        "corpus stats" => "Thống kê kho theo loại, lĩnh vực, dung lượng, phiên bản",
        "corpus rebuild" => "Lập lại chỉ mục từ văn bản đã lưu (sau khi nâng cấp soloai)",
        "compare" => "So sánh hai văn bản và chỉ ra các đoạn trùng",
        "screen" => "Sơ loại một thư mục cuộc thi và lập báo cáo cho Hội đồng",
        "manifest-template" => {
            "Ghi danh sách bài dự thi mẫu (CSV hoặc Excel) với các cột đã chú thích"
        }
        "serve" => {
            "Chạy ứng dụng của Hội đồng trên máy chủ (tài khoản, nộp bài, sơ loại, báo cáo, quyết định)"
        }
        "council-template" => {
            "Ghi tệp mẫu thông tin Hội đồng council.toml có chú thích (thành viên, phiên họp, số văn bản, xung đột lợi ích)"
        }
        "scoring" => {
            "Vòng chấm điểm: phát phiếu chấm, thu phiếu đã chấm, xếp hạng và đề nghị khen thưởng"
        }
        "scoring sheets" => "Ghi mỗi thành viên Ban Giám khảo một phiếu chấm điểm (.xlsx)",
        "scoring collect" => {
            "Đọc các phiếu đã chấm: kiểm tra, tính điểm trung bình, xếp hạng, xét giải; ghi biên bản chấm điểm"
        }
        "package" => {
            "Đóng một tệp nén để gửi lên: bài đề nghị chuyển vòng chấm, biên bản, bảng tổng hợp, danh mục"
        }
        "minutes" => {
            "Ghi lại biên bản sơ loại (sau khi bổ sung council.toml hoặc có quyết định của Hội đồng)"
        }
        _ => return None,
    })
}

fn cli_arg(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "lang") => {
            "Ngôn ngữ của báo cáo và thông báo: vi (mặc định) hoặc en; cũng theo biến môi trường LANG=en_*"
        }
        (_, "json") => "In dạng JSON thay cho văn bản",
        ("extract", "files") => {
            "Tệp cần đọc (.docx, .pdf, .txt, .doc/.odt qua LibreOffice); thư mục thì đọc mọi tệp như vậy bên trong"
        }
        ("check", "paths") => {
            "Tệp hoặc thư mục bài dự thi (thư mục: mọi tệp .docx, .pdf, .doc, .odt, .txt bên trong)"
        }
        ("check", "profile") | ("screen", "profile") => {
            "Bộ tiêu chí của cuộc thi: tên có sẵn (xem soloai profile list) hoặc tệp TOML"
        }
        ("check", "manifest") => {
            "Danh sách bài dự thi (CSV/XLSX) có cột lĩnh vực đăng ký của từng bài"
        }
        ("profile show", "name") => {
            "Tên bộ tiêu chí có sẵn (xem soloai profile list) hoặc tệp TOML"
        }
        ("corpus", "index")
        | ("corpus add", "index")
        | ("corpus list", "index")
        | ("corpus remove", "index")
        | ("corpus search", "index")
        | ("corpus stats", "index")
        | ("corpus rebuild", "index") => {
            "Thư mục kho đối chiếu [mặc định: biến SOLOAI_INDEX, không có thì ./soloai-index; lệnh add tạo mới]"
        }
        ("corpus add", "paths") => "Tệp hoặc thư mục cần nạp",
        ("corpus add", "kind") => {
            "Loại tài liệu, thay cho phần đầu tệp: applied (mô hình đã áp dụng), published (giải pháp đã công khai), past-entry (bài dự thi trước), template (văn bản mẫu)"
        }
        ("corpus add", "contest") => "Cuộc thi trước đó (với bài dự thi trước)",
        ("corpus add", "year") => "Năm của cuộc thi hoặc của mô hình",
        ("corpus add", "province") => "Tỉnh, thành phố nơi áp dụng (hoặc \"toàn quốc\")",
        ("corpus add", "awarded") => "Bài đã đạt giải chưa: true (đã đạt) hoặc false (không đạt)",
        ("corpus add", "title") => "Tên tài liệu, thay cho phần đầu tệp",
        ("corpus remove", "id") => "Mã tài liệu (hoặc vài ký tự đầu)",
        ("corpus search", "query") => "Nội dung cần tìm",
        ("corpus search", "limit") => "Số kết quả tối đa",
        ("compare", "a") => "Văn bản thứ nhất (.docx, .pdf, .txt, …)",
        ("compare", "b") => "Văn bản thứ hai",
        ("compare", "templates") => {
            "Văn bản mẫu (mẫu bài dự thi, kế hoạch): phần trùng với nó không tính"
        }
        ("compare", "width") => "Độ rộng phần so sánh hai cột, tính bằng ký tự",
        ("compare", "index") => {
            "Kho đối chiếu dùng để nhận ra cụm từ phổ biến, loại trừ như khi sơ loại [mặc định: biến SOLOAI_INDEX, không có thì ./soloai-index, nếu đã có]"
        }
        ("screen", "entries") => {
            "Thư mục cuộc thi (có entries/, manifest.csv, excluded-persons.csv, units.csv, prior/) hoặc thư mục chứa bài dự thi"
        }
        ("screen", "manifest") => {
            "Danh sách bài dự thi (CSV hoặc XLSX; lệnh soloai manifest-template ghi mẫu)"
        }
        ("screen", "index") => {
            "Thư mục kho đối chiếu [mặc định: biến SOLOAI_INDEX, không có thì ./soloai-index]"
        }
        ("screen", "corpus") => {
            "Thư mục tài liệu đối chiếu nạp vào kho trước khi sơ loại (dùng được nhiều lần)"
        }
        ("screen", "out") => "Thư mục ghi báo cáo",
        ("screen", "excluded") => {
            "Danh sách người không được dự thi (CSV \"Họ và tên,Vai trò\" hoặc mỗi dòng một tên)"
        }
        ("screen", "units") => {
            "Danh sách đơn vị phải gửi bài (CSV \"Đơn vị,Loại đơn vị\"), để tính chỉ tiêu"
        }
        ("screen", "deadline") => {
            "Hạn nộp bài, thay cho hạn trong bộ tiêu chí (dạng 15/07/2025 hoặc 2025-07-15)"
        }
        ("screen", "quiet") => "Không hiện thanh tiến độ",
        ("manifest-template", "out") => "Tệp cần ghi (không ghi đè tệp đã có, trừ khi có --force)",
        ("manifest-template", "xlsx") => "Ghi tệp Excel (.xlsx) thay cho CSV",
        ("manifest-template", "force") => "Ghi đè nếu tệp đã có",
        ("serve", "data") => "Thư mục chứa cơ sở dữ liệu, tệp tải lên, báo cáo và kho đối chiếu",
        ("serve", "bind") => {
            "Địa chỉ và cổng lắng nghe; 0.0.0.0:8080 để phục vụ mạng nội bộ cơ quan"
        }
        ("serve", "public_url") => {
            "Địa chỉ người dùng mở khi truy cập qua máy chủ trung gian (bắt đầu bằng https:// thì phiên đăng nhập chỉ gửi qua kết nối mã hóa)"
        }
        ("serve", "max_upload_mb") => {
            "Dung lượng tải lên lớn nhất (một lần gửi và một tệp), tính bằng MB"
        }
        ("serve", "corpus") => {
            "Thư mục tài liệu đối chiếu nạp vào kho khi khởi động (dùng được nhiều lần)"
        }
        ("council-template", "out") => {
            "Tệp cần ghi, ví dụ cuoc-thi/council.toml (không ghi đè tệp đã có, trừ khi có --force)"
        }
        ("council-template", "force") => "Ghi đè nếu tệp đã có",
        ("minutes", "report") => "Thư mục kết quả sơ loại (có report.json) hoặc tệp report.json",
        ("minutes", "council") => "Tệp thông tin Hội đồng dùng thay cho tệp đã ghi trong báo cáo",
        ("minutes", "decisions") | ("package", "decisions") => {
            "Quyết định của Hội đồng về các cảnh báo (tệp JSON do soloai serve ghi)"
        }
        ("minutes", "out") => "Thư mục ghi bien-ban-so-loai.docx [mặc định: thư mục của báo cáo]",
        ("package", "contest") => {
            "Thư mục cuộc thi (có entries/) hoặc thư mục bài dự thi đã sơ loại"
        }
        ("package", "report") => {
            "Thư mục kết quả sơ loại (report.json, bien-ban-so-loai.docx, summary.xlsx)"
        }
        ("package", "out") => {
            "Tệp nén cần ghi [mặc định: ho-so-so-loai-<đơn vị>-<năm>.zip trong thư mục kết quả sơ loại]"
        }
        ("scoring sheets", "report") | ("scoring collect", "report") => {
            "Thư mục kết quả sơ loại (có report.json) hoặc tệp report.json"
        }
        ("scoring sheets", "profile") | ("scoring collect", "profile") => {
            "Bộ tiêu chí của cuộc thi (tên có sẵn hoặc tệp TOML) [mặc định: bộ ghi trong báo cáo]"
        }
        ("scoring sheets", "council") | ("scoring collect", "council") => {
            "Tệp thông tin Hội đồng [mặc định: tệp ghi trong báo cáo]"
        }
        ("scoring sheets", "decisions") | ("scoring collect", "decisions") => {
            "Quyết định của Hội đồng về các cảnh báo (tệp JSON do soloai serve ghi), để biết bài nào được chuyển vòng chấm"
        }
        ("scoring sheets", "out_dir") => {
            "Thư mục ghi phiếu chấm (vào THƯ_MỤC/phieu-cham/) [mặc định: thư mục của báo cáo]"
        }
        ("scoring collect", "sheets") => "Các phiếu đã chấm (tệp .xlsx hoặc thư mục chứa chúng)",
        ("scoring collect", "out") => {
            "Thư mục ghi biên bản chấm điểm [mặc định: thư mục của báo cáo]"
        }
        ("screen", "council") => {
            "Tệp thông tin Hội đồng (thành viên, phiên họp, số văn bản) [mặc định: council.toml trong thư mục cuộc thi; lệnh soloai council-template ghi mẫu]"
        }
        _ => return None,
    })
}

fn cli_value_name(command: &str, id: &str) -> Option<&'static str> {
    // `package CONTEST` is the contest's folder; elsewhere `contest` is a contest's name.
    if (command, id) == ("package", "contest") {
        return Some("THƯ_MỤC");
    }
    // These write one file: --out names it.
    if id == "out"
        && matches!(
            command,
            "package" | "council-template" | "manifest-template"
        )
    {
        return Some("TỆP");
    }
    Some(match id {
        "entries" | "index" | "corpus" | "out" | "data" => "THƯ_MỤC",
        "bind" => "ĐỊA_CHỈ",
        "public_url" => "URL",
        "max_upload_mb" => "MB",
        "files" | "paths" | "manifest" | "excluded" | "units" | "a" | "b" | "templates" => "TỆP",
        "profile" | "name" => "BỘ_TIÊU_CHÍ",
        "deadline" => "NGÀY",
        "lang" => "NGÔN_NGỮ",
        "kind" => "LOẠI",
        "contest" | "title" => "TÊN",
        "year" => "NĂM",
        "province" => "TỈNH",
        "awarded" => "ĐẠT_GIẢI",
        "id" => "MÃ",
        "query" => "NỘI_DUNG",
        "limit" | "width" => "SỐ",
        "report" | "decisions" | "council" | "sheets" => "TỆP",
        "out_dir" => "THƯ_MỤC",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Hostile input: run errors (see `super::RunError`).

pub(super) fn run_error(error: RunError<'_>) -> String {
    match error {
        RunError::BatchStage { stage, cause } => format!(
            "Lỗi nội bộ của soloai ở bước {} ({cause}); chưa ghi báo cáo nào để tránh kết luận sai. Vui lòng báo lỗi kèm thư mục bài dự thi.",
            if stage == "compare" {
                "so sánh bài"
            } else {
                "tổng hợp báo cáo"
            }
        ),
        RunError::FolderUnlisted { folder, cause } => format!(
            "Không liệt kê được thư mục {} ({}). Kiểm tra quyền đọc.",
            folder.display(),
            crate::safe_fs::io_words(cause, Lang::Vi)
        ),
        RunError::NoEntriesFolder { folder } => format!(
            "Không tìm thấy thư mục bài dự thi '{}'. Kiểm tra lại đường dẫn.",
            folder.display()
        ),
        RunError::BadDeadline { value } => {
            format!("Hạn nộp '{value}' không hợp lệ: dùng dạng 2025-07-15 hoặc 15/07/2025.")
        }
        RunError::NoProfile { builtin } => format!(
            "Chưa chọn thể lệ cuộc thi: thêm --profile TÊN|TỆP hoặc đặt tệp profile.toml trong thư mục cuộc thi (ví dụ một dòng: builtin = \"{}\"). Thể lệ có sẵn: {}.",
            builtin
                .first()
                .and_then(|n| n.split_whitespace().next())
                .unwrap_or("lang-son-2025"),
            builtin.join(", ")
        ),
        RunError::ReportNotWritten { file, source } => format!(
            "Không ghi được tệp báo cáo {} ({}). Kiểm tra thư mục kết quả có quyền ghi và còn dung lượng.",
            file.display(),
            io_error(source, Lang::Vi)
        ),
        RunError::ReportNotBuilt { file, .. } => format!(
            "Không tạo được tệp báo cáo {}. Vui lòng báo lỗi cho soloai.",
            file.display()
        ),
    }
}

pub(super) fn skip_reason(reason: &crate::safe_fs::SkipReason) -> String {
    use crate::safe_fs::SkipReason as S;
    match reason {
        S::Symlink { target } => format!(
            "Liên kết tượng trưng (trỏ tới '{target}'): không đọc, vì có thể trỏ ra ngoài thư mục bài dự thi. Hãy đặt chính tệp vào thư mục."
        ),
        S::Fifo => "Ống dẫn có tên (FIFO), không phải tệp: không đọc.".into(),
        S::Device => "Tệp thiết bị, không phải tệp: không đọc.".into(),
        S::Socket => "Socket, không phải tệp: không đọc.".into(),
        S::Loop => "Thư mục lặp lại một thư mục đã duyệt (vòng lặp): bỏ qua.".into(),
        S::TooDeep => {
            "Thư mục lồng quá sâu: không duyệt tiếp. Hãy đưa bài dự thi lên gần thư mục gốc.".into()
        }
        S::Unreadable { cause } => format!(
            "Không liệt kê được thư mục ({}). Kiểm tra quyền đọc.",
            crate::safe_fs::io_words(cause, Lang::Vi)
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Reader warnings (see `super::read_warning`).

pub(super) fn read_warning(warning: &crate::model::ReadWarning) -> String {
    use crate::model::ReadWarning as W;
    match warning {
        W::InvalidBytes { encoding } => format!(
            "Một số byte không hợp lệ theo bảng mã {encoding} đã được thay bằng ký tự thay thế (�)."
        ),
        W::NotUtf8 { encoding } => format!(
            "Tệp không dùng bảng mã UTF-8: đã đọc theo bảng mã {encoding}; cần xem chữ hiện ra có đúng không."
        ),
        W::ControlCharacters { count } => {
            format!("Đã bỏ {count} ký tự điều khiển khỏi văn bản.")
        }
        W::HeaderFooterReference { section, reference } => format!(
            "Phần {section} của văn bản: đầu trang/chân trang trỏ tới '{reference}' không có trong tệp."
        ),
        W::HeaderFooterMissing { part } => {
            format!("Thiếu phần đầu trang/chân trang '{part}' trong tệp.")
        }
        W::CoverGuessed => {
            "Văn bản không có ngắt trang hay ngắt phần: trang bìa được xác định theo các đoạn đầu."
                .into()
        }
        W::Converted { format } => format!(
            "Tệp .{format} được đọc qua bản chuyển đổi bằng LibreOffice; phông chữ và ngắt trang là theo LibreOffice."
        ),
        W::PageTooFull { page, dropped } => {
            format!("Trang {page}: quá nhiều ký tự, {dropped} ký tự cuối bị bỏ qua.")
        }
        W::Undecoded { count } => format!(
            "{count} ký tự không giải mã được (phông chữ thiếu bảng mã ToUnicode); văn bản trích ra có thể thiếu chữ."
        ),
        W::FontGuessed { font } => format!(
            "Phông '{font}' không có bảng mã ToUnicode hay /Encoding: đã đọc theo bảng mã mặc định, chữ có thể sai."
        ),
        W::DamagedStreams { count } => {
            format!("{count} luồng nội dung bị hỏng, chỉ đọc được một phần.")
        }
        W::ScannedFile => "Tệp là bản quét (chỉ có ảnh, không có lớp chữ): cần nhận dạng ký tự (OCR) trước khi kiểm tra.".into(),
        W::ScannedPages { pages } => format!(
            "Trang {} là ảnh quét, không có lớp chữ (cần OCR).",
            page_commas(pages)
        ),
        W::NoText => "Tệp PDF không có chữ nào đọc được (trang trắng hoặc chỉ có hình vẽ).".into(),
        W::OcrUnavailable { why } => ocr_unavailable(why),
        W::OcrNotStarted { error } => {
            format!("Không nhận dạng được trang quét: {}.", ocr_error(error))
        }
        W::OcrRead {
            pages,
            engine,
            confidence,
        } => format!(
            "Trang {} là ảnh quét, đã đọc bằng OCR ({engine}, độ tin cậy trung bình {confidence}%): chữ có thể sai; phông và cỡ chữ không kiểm tra được trên các trang này.",
            page_list(pages)
        ),
        W::OcrFailed { pictures, failures } => format!(
            "OCR không đọc được {}.",
            failures
                .iter()
                .map(|f| format!(
                    "{} {}: {}",
                    if *pictures { "ảnh" } else { "trang" },
                    f.number,
                    ocr_error(&f.error)
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        W::OcrUnclear { pages, min } => format!(
            "Trang {}: ảnh quét không rõ, OCR không thấy chữ hoặc chỉ đọc được với độ tin cậy dưới {min}% nên không dùng (vẫn cần OCR). Cần bản quét rõ hơn (từ 200 dpi) hoặc bản Word.",
            pages
                .iter()
                .map(|p| match p.confidence {
                    Some(c) => format!("{} ({c}%)", p.number),
                    None => format!("{} (không thấy chữ)", p.number),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        W::OcrPageLimit { read, skipped } => format!(
            "Chỉ nhận dạng {read} trang quét đầu; {skipped} trang sau chưa đọc (cần OCR)."
        ),
        W::PicturesOnly { pictures } => format!(
            "Tệp Word chỉ có ảnh ({pictures} ảnh), không có chữ: là bản quét, cần nhận dạng ký tự (OCR)."
        ),
        W::PicturesRead {
            pictures,
            engine,
            words,
            confidence,
        } => format!(
            "Tệp Word chỉ có ảnh: {pictures} ảnh đã đọc bằng OCR ({engine}, {words} từ, độ tin cậy trung bình {confidence}%): chữ có thể sai; phông và cỡ chữ không kiểm tra được."
        ),
        W::AttachmentUnreadable { file, error } => format!(
            "Tệp kèm theo '{file}' không đọc được: {}",
            (WORDS.extract_error)(error)
        ),
    }
}

pub(super) fn ocr_unavailable(why: &crate::model::OcrUnavailable) -> String {
    use crate::model::OcrUnavailable as U;
    match why {
        U::NoTesseract => "Máy chưa cài Tesseract nên chưa nhận dạng được chữ (OCR) trên trang quét. Cài bằng lệnh: sudo apt install tesseract-ocr tesseract-ocr-vie (Windows: bộ cài Tesseract của UB Mannheim, chọn thêm tiếng Việt), rồi chạy lại.".into(),
        U::NoVietnamese => "Tesseract thiếu dữ liệu tiếng Việt nên chưa nhận dạng được trang quét. Cài bằng lệnh: sudo apt install tesseract-ocr-vie, rồi chạy lại.".into(),
        U::TooOld(v) => format!("Tesseract trên máy quá cũ ({v}); cần bản 4 trở lên để đọc tiếng Việt. Cài bằng lệnh: sudo apt install tesseract-ocr tesseract-ocr-vie."),
        U::NoRenderer => "Máy chưa cài pdftoppm (bộ poppler) để dựng ảnh trang PDF cho OCR. Cài bằng lệnh: sudo apt install poppler-utils, rồi chạy lại.".into(),
    }
}

pub(super) fn ocr_error(error: &crate::model::OcrError) -> String {
    use crate::model::OcrError as E;
    match error {
        E::Unavailable(why) => ocr_unavailable(why),
        E::Timeout { program, seconds } => format!("{program} chạy quá {seconds} giây nên đã dừng"),
        E::Failed {
            program,
            code,
            said,
        } => format!("{program} không đọc được trang (mã thoát {code}: {said})"),
        E::Killed { program } => {
            format!("{program} bị dừng giữa chừng (thường do vượt giới hạn bộ nhớ)")
        }
        E::TooMuchOutput { program, limit } => {
            format!("{program} trả về quá {limit} byte nên không dùng")
        }
        E::NotStarted { program, cause } => format!(
            "không chạy được {program} ({})",
            crate::safe_fs::io_words(cause, Lang::Vi)
        ),
        E::Io(cause) => format!(
            "lỗi tệp tạm ({})",
            crate::safe_fs::io_words(cause, Lang::Vi)
        ),
        E::BadImage => "không đọc được ảnh trang vừa dựng".into(),
    }
}
