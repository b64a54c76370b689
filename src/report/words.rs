//! The words a council member reads, in Vietnamese and English (GLOSSARY "Words on screen").
//! Codes stay codes in JSON; every page, sheet and the minutes name them through here.

use crate::compare::Thresholds;
use crate::lang::Lang;

/// The name of a check or eligibility rule; unknown codes are shown as they are.
pub fn check_name(code: &str, lang: Lang) -> String {
    let (vi, en) = match code {
        "FORM-FONT" => ("Phông chữ Times New Roman", "Times New Roman font"),
        "FORM-SIZE" => ("Cỡ chữ 14", "Font size 14"),
        "FORM-PAGENUM" => ("Đánh số trang", "Page numbers"),
        "COVER-NAME" => ("Trang bìa: họ và tên", "Cover: full name"),
        "COVER-POSITION" => ("Trang bìa: chức vụ", "Cover: position"),
        "COVER-UNIT" => (
            "Trang bìa: đơn vị công tác/địa chỉ",
            "Cover: work unit/address",
        ),
        "COVER-PHONE" => ("Trang bìa: số điện thoại", "Cover: phone number"),
        "GROUP-MEMBERS" => (
            "Nhóm tác giả và đại diện nhóm",
            "Group members and representative",
        ),
        "AREA" => ("Lĩnh vực dự thi", "Content area"),
        "REVISION-STATEMENT" => ("Văn bản giải trình", "Revision statement"),
        "LATE" => ("Thời hạn nộp bài", "Submission deadline"),
        "EXCLUDED-PERSON" => ("Đối tượng được dự thi", "Eligible author"),
        "QUOTA" => ("Chỉ tiêu của đơn vị", "Unit quota"),
        "RECEIVING-POINT" => ("Đầu mối tiếp nhận", "Receiving point"),
        "GROUP-KIND" => (
            "Cá nhân/nhóm tác giả đúng đăng ký",
            "Individual or group as registered",
        ),
        _ => return code.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// The name of a flag code; unknown codes are shown as they are.
pub fn flag_name(code: &str, lang: Lang) -> String {
    let (vi, en) = match code {
        "RECYCLED-NO-STATEMENT" => (
            "Bài đã dự thi nơi khác, thiếu văn bản giải trình",
            "Recycled without revision statement",
        ),
        "RECYCLED-AWARDED" => (
            "Bài đã đạt giải ở cuộc thi khác",
            "Already awarded in another contest",
        ),
        "RECEIVING-POINT-DUPLICATE" => (
            "Gửi qua nhiều đầu mối tiếp nhận",
            "Sent through two receiving points",
        ),
        "LATE" => ("Nộp sau thời hạn", "Submitted late"),
        "EXCLUDED-PERSON" => (
            "Tác giả thuộc diện không được dự thi",
            "Author may not enter",
        ),
        "COPY" => ("Sao chép bài dự thi khác", "Copies another entry"),
        "CORPUS-COPY" => (
            "Trùng mô hình, giải pháp đã có",
            "Copies an existing model or solution",
        ),
        "IDEA" => ("Trùng lặp ý tưởng", "Duplicated idea"),
        "AREA-MISMATCH" => (
            "Lĩnh vực khác với lĩnh vực đăng ký",
            "Area differs from the declared one",
        ),
        "NEEDS-OCR" => ("Bản quét, cần nhận dạng ký tự (OCR)", "Needs OCR (scanned)"),
        "ERROR" => ("Không đọc được tệp", "Could not read the file"),
        other => return check_name(other, lang),
    };
    lang.pick(vi, en).to_string()
}

/// A match kind in words.
pub fn match_kind(kind: &str, lang: Lang) -> String {
    let (vi, en) = match kind {
        "exact" => ("Sao chép nguyên văn", "Exact copy"),
        "near" => ("Sao chép, sửa nhẹ", "Near copy (light edits)"),
        "partial" => ("Sao chép một phần", "Partial copy"),
        "idea" => ("Trùng lặp ý tưởng", "Same idea, other words"),
        other => return other.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// What kind of document a source is.
pub fn source_kind(kind: Option<&str>, lang: Lang) -> String {
    let (vi, en) = match kind {
        Some("applied") => (
            "Mô hình đã áp dụng trong tỉnh",
            "Model applied in the province",
        ),
        Some("published") => (
            "Giải pháp đã công khai áp dụng ngoài tỉnh",
            "Solution published elsewhere",
        ),
        Some("past-entry") => ("Bài đã dự thi cuộc thi khác", "Entry of an earlier contest"),
        Some("template") => ("Văn bản mẫu", "Template text"),
        Some("entry") => ("Bài dự thi khác trong đợt", "Another entry in this contest"),
        Some(other) => return other.to_string(),
        None => return String::new(),
    };
    lang.pick(vi, en).to_string()
}

/// Why a passage is excluded.
pub fn excluded_reason(reason: &str, lang: Lang) -> String {
    let (vi, en) = match reason {
        "template" => ("văn bản mẫu", "template text"),
        "shared" => ("đoạn chung của nhiều bài", "shared by many entries"),
        "quote" => ("trích dẫn", "quotation"),
        "legal-citation" => ("trích dẫn văn bản pháp luật", "legal citation"),
        other => return other.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// A content area (Lạng Sơn letters a, b, c, d, đ, e, g, h) with its name; anything else as is.
pub fn area(code: &str, lang: Lang) -> String {
    let (letter, vi, en) = match code.trim().to_lowercase().as_str() {
        "a" => ("a", "Chỉ đạo điều hành", "Steering and direction"),
        "b" => ("b", "Cải cách thể chế", "Institutions"),
        "c" => (
            "c",
            "Cải cách thủ tục hành chính",
            "Administrative procedures",
        ),
        "d" => (
            "d",
            "Cải cách tổ chức bộ máy",
            "Organization of the apparatus",
        ),
        "đ" | "dd" => ("đ", "Cải cách chế độ công vụ", "Civil service"),
        "e" => ("e", "Cải cách tài chính công", "Public finance"),
        "g" => (
            "g",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "E-government, digital government",
        ),
        "h" => (
            "h",
            "Nâng cao năng lực cạnh tranh (PCI)",
            "Provincial competitiveness (PCI)",
        ),
        _ => return code.to_string(),
    };
    format!("{letter}. {}", lang.pick(vi, en))
}

/// A unit kind in words.
pub fn unit_kind(kind: &str, lang: Lang) -> String {
    let (vi, en) = match kind {
        "department" => ("Sở, ban, ngành", "Department"),
        "district" => ("UBND cấp huyện", "District people's committee"),
        "commune" => ("UBND cấp xã", "Commune people's committee"),
        "social-organization" => (
            "Tổ chức chính trị - xã hội, tổ chức xã hội",
            "Socio-political or social organization",
        ),
        "central-agency" => (
            "Cơ quan Trung ương đóng trên địa bàn tỉnh",
            "Central agency in the province",
        ),
        "internal-division" => ("Phòng, đơn vị trực thuộc", "Internal division"),
        other => return other.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// A share as a percentage with no decimals ("62%"); out-of-range values are clamped.
pub fn percent(share: f64) -> String {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("{:.0}%", share * 100.0)
}

/// The colour band of an originality share: ≥ 80 % green, 50–80 % amber, < 50 % red.
pub fn band(originality: Option<f64>) -> &'static str {
    match originality {
        Some(o) if o >= 0.8 => "green",
        Some(o) if o >= 0.5 => "amber",
        Some(_) => "red",
        None => "none",
    }
}

/// One sentence explaining where copy detection draws its lines. The compare stage owns
/// the thresholds' meaning, so it also owns the sentence.
pub fn thresholds_sentence(t: &Thresholds, lang: Lang) -> String {
    t.explain(lang)
}

/// Page and sheet captions that appear in more than one writer.
pub struct Captions {
    pub id: &'static str,
    pub file: &'static str,
    pub title: &'static str,
    pub authors: &'static str,
    pub unit: &'static str,
    pub receiving_point: &'static str,
    pub submitted: &'static str,
    pub declared_area: &'static str,
    pub area: &'static str,
    pub originality: &'static str,
    pub similarity: &'static str,
    pub verdict: &'static str,
    pub forward: &'static str,
    pub flags: &'static str,
    pub checks: &'static str,
    pub failed_checks: &'static str,
    pub top_source: &'static str,
    pub error: &'static str,
    pub status: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unit_kind: &'static str,
    pub entries: &'static str,
    pub quota_min: &'static str,
    pub meets_quota: &'static str,
    pub owes_explanation: &'static str,
    pub source: &'static str,
    pub matched_passage: &'static str,
    pub excluded_passage: &'static str,
    pub evidence: &'static str,
    pub code: &'static str,
}

impl Captions {
    pub fn new(lang: Lang) -> Captions {
        let p = |vi, en| lang.pick(vi, en);
        Captions {
            id: p("Mã bài", "Entry id"),
            file: p("Tệp", "File"),
            title: p("Tên bài dự thi", "Title"),
            authors: p("Tác giả", "Authors"),
            unit: p("Đơn vị", "Unit"),
            receiving_point: p("Đầu mối tiếp nhận", "Receiving point"),
            submitted: p("Ngày nộp", "Submitted"),
            declared_area: p("Lĩnh vực đăng ký", "Declared area"),
            area: p("Lĩnh vực", "Area"),
            originality: p("Tỷ lệ nguyên gốc", "Originality"),
            similarity: p("Tỷ lệ trùng lặp", "Similarity"),
            verdict: p("Kết quả sơ loại", "Screening verdict"),
            forward: p("Đề nghị chuyển vòng chấm", "Proposed for forwarding"),
            flags: p("Cảnh báo", "Flags"),
            checks: p("Hình thức", "Form checks"),
            failed_checks: p("Tiêu chí không đạt", "Failed checks"),
            top_source: p("Nguồn trùng chính", "Main source"),
            error: p("Lỗi", "Error"),
            status: p("Trạng thái", "Status"),
            yes: p("Có", "Yes"),
            no: p("Không", "No"),
            unit_kind: p("Loại đơn vị", "Unit kind"),
            entries: p("Số bài", "Entries"),
            quota_min: p("Chỉ tiêu tối thiểu", "Minimum quota"),
            meets_quota: p("Đạt chỉ tiêu", "Meets quota"),
            owes_explanation: p("Phải giải trình", "Owes explanation"),
            source: p("Nguồn trùng", "Source"),
            matched_passage: p("Đoạn trùng", "Matched passage"),
            excluded_passage: p("Đoạn được loại trừ", "Excluded passage"),
            evidence: p("Căn cứ", "Evidence"),
            code: p("Mã", "Code"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_brief() {
        assert_eq!(band(Some(0.8)), "green");
        assert_eq!(band(Some(0.79)), "amber");
        assert_eq!(band(Some(0.5)), "amber");
        assert_eq!(band(Some(0.49)), "red");
        assert_eq!(band(None), "none");
    }

    #[test]
    fn words_on_screen_match_the_glossary() {
        assert_eq!(
            flag_name("RECEIVING-POINT-DUPLICATE", Lang::Vi),
            "Gửi qua nhiều đầu mối tiếp nhận"
        );
        assert_eq!(flag_name("ERROR", Lang::En), "Could not read the file");
        assert_eq!(Captions::new(Lang::Vi).originality, "Tỷ lệ nguyên gốc");
        assert_eq!(area("dd", Lang::Vi), "đ. Cải cách chế độ công vụ");
        assert_eq!(percent(f64::NAN), "0%");
        assert_eq!(percent(0.62), "62%");
    }
}
