//! The empty manifest a unit's secretary fills in: `soloai manifest-template` writes it as CSV
//! or XLSX, with a row explaining each column (a `#` row, skipped when read back).

/// The template's columns: header, then what to write in it (Vietnamese, for the secretary).
pub const TEMPLATE_COLUMNS: [(&str, &str); 13] = [
    (
        "Mã bài",
        "Mã riêng của bài, ví dụ LS-001 (bắt buộc nếu bỏ trống cột Tệp)",
    ),
    (
        "Tệp",
        "Đường dẫn tệp bài trong thư mục bài dự thi, ví dụ so-noi-vu/bai-01.docx",
    ),
    ("Tên bài dự thi", "Tên ý tưởng, giải pháp"),
    (
        "Tác giả",
        "Họ và tên; nhiều tác giả cách nhau bởi dấu chấm phẩy (;)",
    ),
    ("Hình thức", "cá nhân hoặc nhóm (nhóm: từ 02 người trở lên)"),
    ("Đơn vị", "Cơ quan, đơn vị công tác"),
    (
        "Loại đơn vị",
        "sở, ban, ngành / UBND cấp huyện / UBND cấp xã / phòng chuyên môn / tổ chức chính trị - xã hội / cơ quan Trung ương",
    ),
    (
        "Đầu mối tiếp nhận",
        "Nơi nhận bài; mỗi bài chỉ gửi một đầu mối",
    ),
    ("Nội dung", "Một chữ cái: a, b, c, d, đ (hoặc dd), e, g, h"),
    ("Ngày nộp", "YYYY-MM-DD hoặc DD/MM/YYYY"),
    (
        "Cuộc thi đã tham gia",
        "Tên cuộc thi bài đã dự mà không đạt giải (nếu có); bài này phải kèm văn bản giải trình",
    ),
    ("Số điện thoại", "Của tác giả hoặc người đại diện nhóm"),
    ("Địa chỉ", "Của tác giả hoặc người đại diện nhóm"),
];

/// The CSV template: UTF-8 with a BOM (so Excel shows Vietnamese), the header row and a
/// comment row explaining each column.
pub fn template_csv() -> Vec<u8> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let header: Vec<String> = TEMPLATE_COLUMNS.iter().map(|(h, _)| quote(h)).collect();
    let help: Vec<String> = TEMPLATE_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, d))| {
            quote(&if i == 0 {
                format!("# {d}")
            } else {
                d.to_string()
            })
        })
        .collect();
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend_from_slice(header.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(help.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

/// The XLSX template: bold header, the explanation row in italics (starting with `#`, so it
/// is skipped when read back), columns wide enough to read, the header rows frozen.
pub fn template_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách bài dự thi")?;
    let bold = Format::new().set_bold();
    let italic = Format::new().set_italic().set_text_wrap();
    for (i, (header, help)) in TEMPLATE_COLUMNS.iter().enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(0, col, *header, &bold)?;
        let help = if i == 0 {
            format!("# {help}")
        } else {
            help.to_string()
        };
        sheet.write_string_with_format(1, col, help, &italic)?;
        sheet.set_column_width(col, 24)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    workbook.save_to_buffer()
}
