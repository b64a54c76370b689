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
        scope_nationwide: "Toàn quốc",
        scope_in_province: |p| format!("Đã áp dụng trong tỉnh ({p})"),
        scope_elsewhere: |p| format!("Đã áp dụng ở địa phương ngoài tỉnh ({p})"),
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
    },
    corpus: CorpusWords {
        stated: |index, n, kinds| {
            if kinds.is_empty() {
                format!("Kho đối chiếu {index}: {n} tài liệu")
            } else {
                format!("Kho đối chiếu {index}: {n} tài liệu ({kinds})")
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
            format!(
                "{council} đã xem xét {entries} bài dự thi {contest}. Việc kiểm tra hình thức và \
                 mức độ trùng lặp được hỗ trợ bởi phần mềm soloai (bộ tiêu chí: {profile}); Hội \
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
    },
    web: WebWords {
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
        profile_upload: "hoặc tải lên tệp .toml",
        create: "Tạo",
        save: "Lưu",
        inputs: "Hồ sơ đầu vào",
        entries_files: "Tệp bài dự thi",
        upload_entries: "Tải lên bài dự thi",
        upload_hint: "Chọn nhiều tệp, một tệp .zip của cả thư mục (có thể là cả thư mục cuộc thi có entries/, manifest.csv…), hoặc kéo thả vào đây.",
        drop_here: "Kéo thả tệp vào đây",
        upload: "Tải lên",
        manifest: "Danh sách bài dự thi (CSV/XLSX)",
        units: "Danh sách đơn vị (CSV)",
        excluded: "Người không được dự thi (CSV)",
        profile_file: "Bộ tiêu chí riêng (.toml)",
        present: "Đã có",
        absent: "Chưa có",
        uploaded: "Đã lưu",
        refused: "Bị từ chối",
        ignored: "Bỏ qua",
        run: "Sơ loại",
        start_run: "Bắt đầu sơ loại",
        rerun_note: "Chạy lại sau khi tải thêm bài chỉ đọc các tệp mới (bộ nhớ đệm).",
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
        dashboard: "Bảng tổng hợp (như bản dòng lệnh)",
        download: "Tải về",
        download_zip: "Tất cả báo cáo (.zip)",
        decisions_json: "Quyết định của Hội đồng (.json, cho soloai --decisions)",
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
        council_members: "Thành viên (mỗi dòng: Họ và tên | Chức vụ | chu-tich/pho-chu-tich/thu-ky/thanh-vien | tên đăng nhập)",
        council_unknown_users: "Không có tài khoản",
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
        evidence: "Căn cứ",
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
        add_to_corpus: "Đưa các bài vào kho đối chiếu",
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
        minutes: "Biên bản sơ loại (.docx)",
        summary_xlsx: "Bảng tổng hợp (.xlsx)",
        admin_link: "Tạo tài khoản quản trị tại",
        listening: "soloai đang phục vụ tại",
        decided_by: "bởi",
        council_file: "Hội đồng (tệp council.toml)",
        council_invalid: "Tệp Hội đồng không hợp lệ",
        files_list: "Danh sách tệp đã tải lên",
        delete: "Xoá",
        login_at: "Đăng nhập tại",
        original_verdict_note: "Kết quả của phần mềm giữ nguyên; quyết định của Hội đồng ghi bên cạnh và vào biên bản.",
    },
};

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
        "quote" => "trích dẫn",
        "legal-citation" => "trích dẫn văn bản pháp luật",
        "cover" => "trang bìa",
        // The codes copy detection writes (compare::Reason).
        "auto-template" => "đoạn chung của nhiều bài",
        "citation" => "căn cứ pháp lý",
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
