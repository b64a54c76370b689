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
