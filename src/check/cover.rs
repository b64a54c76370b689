//! Reading the cover page ("trang bìa"): who wrote the entry and how to reach them.
//!
//! Both plans require the cover to state the author's full name, position and work unit
//! (Lạng Sơn: "đơn vị công tác/địa chỉ"), and the entry to state an address and phone number;
//! a group entry lists every member and one representative's address and phone. Authors lay
//! this out in lines ("Họ và tên: …"), in two-column tables (label cell, value cell) or with
//! the label alone on one line and the value on the next; labels are typed with or without
//! diacritics. The parser accepts all of these and keeps each value as the author wrote it.

use serde::{Deserialize, Serialize};

use super::text::{fold, folded_chars};

/// What the cover says about the author(s).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverInfo {
    /// Full name ("Họ và tên"); for a group, the first name listed.
    pub name: Option<String>,
    /// Position ("Chức vụ").
    pub position: Option<String>,
    /// Work unit ("Đơn vị công tác").
    pub unit: Option<String>,
    /// Address ("Địa chỉ").
    pub address: Option<String>,
    /// A valid Vietnamese phone number as written (labelled, or else any on the cover).
    pub phone: Option<String>,
    /// What follows a phone label when it is not a valid number (e.g. "0912 xxx xxx").
    pub phone_unparsed: Option<String>,
    /// Members of a group entry ("Nhóm tác giả"), names only.
    pub members: Vec<String>,
    /// What a member line says after the name ("Chuyên viên Phòng Nội vụ"), for members listed
    /// one per line; groups often give each member's position and unit this way.
    pub member_details: Vec<String>,
    /// The group's representative ("Đại diện nhóm") and their contact details.
    pub representative: Option<Representative>,
    /// Two or more authors, or a group label on the cover.
    pub is_group: bool,
    /// How many recognised labels the cover has (0: the cover is not laid out with labels).
    pub labels_found: usize,
}

/// A group's representative ("thành viên đại diện"): the plan wants their address and phone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Representative {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Position,
    Unit,
    /// "Đơn vị công tác/địa chỉ": one value for both.
    UnitOrAddress,
    Address,
    Phone,
    Members,
    Representative,
}

/// Label words, folded (no diacritics, lowercase). More specific labels come first.
const LABELS: &[(&str, Field)] = &[
    ("nhom tac gia", Field::Members),
    ("danh sach nhom", Field::Members),
    ("danh sach thanh vien", Field::Members),
    ("cac thanh vien", Field::Members),
    ("thanh vien nhom", Field::Members),
    ("thanh vien dai dien", Field::Representative),
    ("thanh vien", Field::Members),
    ("dai dien nhom", Field::Representative),
    ("nguoi dai dien", Field::Representative),
    ("dai dien", Field::Representative),
    ("ho va ten", Field::Name),
    ("ho ten", Field::Name),
    ("ten tac gia", Field::Name),
    ("tac gia", Field::Name),
    ("chuc vu", Field::Position),
    ("chuc danh", Field::Position),
    // What a resident without a post writes in its place (Lạng Sơn II.1.a admits "người dân
    // đang cư trú, học tập, lao động trên địa bàn tỉnh").
    ("nghe nghiep", Field::Position),
    ("don vi cong tac", Field::Unit),
    ("co quan cong tac", Field::Unit),
    ("noi cong tac", Field::Unit),
    ("don vi", Field::Unit),
    ("co quan", Field::Unit),
    ("dia chi", Field::Address),
    ("so dien thoai", Field::Phone),
    ("dien thoai", Field::Phone),
    ("so dt", Field::Phone),
    ("sdt", Field::Phone),
    ("dt", Field::Phone),
    ("di dong", Field::Phone),
    ("mobile", Field::Phone),
    ("tel", Field::Phone),
    ("phone", Field::Phone),
];

/// Most words a label may have before its colon ("Số điện thoại liên hệ của tác giả:").
const MAX_LABEL_WORDS: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Author,
    Members,
    Representative,
}

/// Parse the cover text (see the module docs for the layouts accepted).
pub fn parse_cover(text: &str) -> CoverInfo {
    let mut info = CoverInfo::default();
    let mut names: Vec<String> = Vec::new();
    let mut listed_members: Vec<String> = Vec::new();
    let mut member_details: Vec<String> = Vec::new();
    let mut group_label = false;
    let mut block = Block::Author;
    let mut pending: Option<Field> = None;

    for cell in cells(text) {
        let (stripped, had_marker) = strip_list_marker(cell);
        if stripped.is_empty() {
            continue;
        }
        match split_label(stripped) {
            Some((field, value)) => {
                info.labels_found += 1;
                pending = None;
                match field {
                    Field::Members => {
                        group_label = true;
                        block = Block::Members;
                    }
                    Field::Representative => {
                        group_label = true;
                        block = Block::Representative;
                        info.representative
                            .get_or_insert_with(Representative::default);
                    }
                    _ => {}
                }
                match clean_value(value) {
                    Some(v) => assign(&mut info, &mut names, &mut listed_members, block, field, v),
                    // The members follow one per line; the Members block collects them.
                    None if field == Field::Members => {}
                    None => pending = Some(field),
                }
            }
            None => {
                if let Some(field) = pending.take() {
                    if let Some(v) = clean_value(stripped) {
                        assign(&mut info, &mut names, &mut listed_members, block, field, v);
                    }
                } else if block == Block::Members
                    && let Some(name) = person_name(stripped, had_marker)
                {
                    let detail = stripped
                        .get(name.len()..)
                        .unwrap_or("")
                        .trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | ':' | '(')
                        })
                        .trim_end_matches(')')
                        .trim();
                    if !detail.is_empty() {
                        member_details.push(detail.to_string());
                    }
                    listed_members.push(name);
                }
            }
        }
    }

    let members = if listed_members.len() >= 2 || names.len() < 2 {
        listed_members
    } else {
        names.clone()
    };
    info.name = names
        .into_iter()
        .next()
        .or_else(|| members.first().cloned());
    info.is_group = group_label || members.len() >= 2;
    if member_details.len() == members.len() {
        info.member_details = member_details;
    }
    info.members = members;
    if info.phone.is_none()
        && let Some((written, _)) = find_phone(text)
    {
        info.phone = Some(written);
    }
    info
}

fn assign(
    info: &mut CoverInfo,
    names: &mut Vec<String>,
    listed_members: &mut Vec<String>,
    block: Block,
    field: Field,
    value: String,
) {
    match field {
        Field::Members => {
            for part in value.split([',', ';']) {
                if let Some(n) = person_name(part.trim(), true) {
                    listed_members.push(n);
                }
            }
        }
        Field::Representative => {
            let rep = info
                .representative
                .get_or_insert_with(Representative::default);
            if rep.name.is_none() {
                rep.name = person_name(&value, true).or(Some(value));
            }
        }
        Field::Name => match block {
            Block::Representative => {
                let rep = info
                    .representative
                    .get_or_insert_with(Representative::default);
                if rep.name.is_none() {
                    rep.name = Some(value);
                } else {
                    names.push(value);
                }
            }
            Block::Members => listed_members.push(value),
            Block::Author => {
                // "Tác giả: Nguyễn Văn An, Hoàng Thị Bình" names a group on one line.
                let parts: Vec<Option<String>> = value
                    .split([',', ';'])
                    .map(|p| person_name(p.trim(), true).filter(|n| n == p.trim()))
                    .collect();
                if parts.len() >= 2 && parts.iter().all(Option::is_some) {
                    names.extend(parts.into_iter().flatten());
                } else {
                    names.push(value);
                }
            }
        },
        Field::Position => {
            info.position.get_or_insert(value);
        }
        Field::Unit => {
            info.unit.get_or_insert(value);
        }
        Field::UnitOrAddress => {
            info.unit.get_or_insert(value.clone());
            info.address.get_or_insert(value);
        }
        Field::Address => {
            if block == Block::Representative
                && let Some(rep) = info.representative.as_mut()
            {
                rep.address.get_or_insert(value.clone());
            }
            info.address.get_or_insert(value);
        }
        Field::Phone => match find_phone(&value) {
            Some((written, _)) => {
                if block == Block::Representative
                    && let Some(rep) = info.representative.as_mut()
                {
                    rep.phone.get_or_insert(written.clone());
                }
                info.phone.get_or_insert(written);
            }
            None => {
                info.phone_unparsed.get_or_insert(value);
            }
        },
    }
}

/// Lines split further into cells at tabs and wide gaps ("Họ và tên: A      Chức vụ: B").
fn cells(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|line| {
        let mut out = Vec::new();
        for part in line.split(['\t', '|']) {
            let mut rest = part;
            while let Some(i) = rest.find("   ") {
                let (a, b) = rest.split_at(i);
                out.push(a);
                rest = b.trim_start();
            }
            out.push(rest);
        }
        out.into_iter().map(str::trim).filter(|c| !c.is_empty())
    })
}

/// Drop a leading "1.", "2)", "-", "+", "•" and say whether one was there.
fn strip_list_marker(cell: &str) -> (&str, bool) {
    let t = cell.trim();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')', '/']) {
            return (r.trim_start(), true);
        }
    }
    if let Some(r) = t.strip_prefix(['-', '+', '•', '*', '–', '—', '·', '◦', '▪']) {
        return (r.trim_start(), true);
    }
    (t, false)
}

/// The label and the value after it, if the cell starts with a known label.
fn split_label(cell: &str) -> Option<(Field, &str)> {
    let (label_part, value) = match cell.char_indices().find(|(_, c)| *c == ':' || *c == '：') {
        Some((i, c)) if cell[..i].chars().count() <= 60 => (&cell[..i], &cell[i + c.len_utf8()..]),
        _ => (cell, ""),
    };
    let has_colon = label_part.len() < cell.len();
    let folded = fold(label_part);
    let folded = folded.trim().trim_end_matches(['.', ' ']);
    let words = folded.split_whitespace().count();
    if words == 0 || words > MAX_LABEL_WORDS {
        return None;
    }
    for (key, field) in LABELS {
        if let Some(after) = folded.strip_prefix(key) {
            if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // Without a colon the cell must be the label alone (a table's label cell), plus
            // at most two words ("Số điện thoại liên hệ"), or it is a sentence.
            if !has_colon && after.split_whitespace().count() > 2 {
                return None;
            }
            let field = if *field == Field::Unit && folded.contains("dia chi") {
                Field::UnitOrAddress
            } else {
                *field
            };
            return Some((field, value));
        }
    }
    None
}

/// A value with filler ("……", "____") and surrounding punctuation removed; `None` if empty.
fn clean_value(value: &str) -> Option<String> {
    let v = value
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '_' | '-' | ':' | ','))
        .trim();
    if v.chars().any(char::is_alphanumeric) {
        Some(v.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        None
    }
}

/// The name at the start of a member line ("Nguyễn Văn An – Chuyên viên, Sở Nội vụ" →
/// "Nguyễn Văn An"), if it looks like a person's name: 2 to 6 words, each capitalised.
fn person_name(cell: &str, listed: bool) -> Option<String> {
    let head = cell
        .split([',', '(', ';', ':', '–', '—'])
        .next()
        .unwrap_or(cell);
    let head = head.split(" - ").next().unwrap_or(head).trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return None;
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let (original, _) = folded_chars(head);
    let letters = original
        .iter()
        .all(|c| c.is_alphabetic() || *c == ' ' || *c == '.');
    if capitalised && letters && (listed || words.len() >= 2) {
        Some(words.join(" "))
    } else {
        None
    }
}

/// The first Vietnamese phone number in `s`: as written, and as digits starting with 0.
///
/// Accepted: mobile "0xxx xxx xxx" (10 digits), landline "0205 3 812 345" (11 digits), the
/// same with "+84"/"84" instead of the leading 0, grouped with spaces, dots, dashes or
/// brackets.
pub fn find_phone(s: &str) -> Option<(String, String)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let is_sep = |c: char| matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}');
    for start in 0..chars.len() {
        let (_, c) = chars[start];
        let prev_is_digit = start > 0 && chars[start - 1].1.is_ascii_digit();
        if prev_is_digit || !(c == '+' || c == '0' || c == '8' || c == '(') {
            continue;
        }
        // Walk digits and separators, remembering where each digit ends.
        let mut digits = String::new();
        let mut digit_ends: Vec<usize> = Vec::new();
        let mut i = start;
        while i < chars.len() && matches!(chars[i].1, '+' | '(') {
            i += 1;
        }
        // A number's groups are split by one or two separators; a longer run (a dot leader in
        // a table of contents) ends it, which also bounds the work per start.
        let mut seps_in_a_row = 0;
        while i < chars.len() && digits.len() < 13 {
            let (pos, ch) = chars[i];
            if ch.is_ascii_digit() {
                digits.push(ch);
                digit_ends.push(pos + ch.len_utf8());
                seps_in_a_row = 0;
            } else if is_sep(ch) && seps_in_a_row < 3 {
                seps_in_a_row += 1;
            } else {
                break;
            }
            i += 1;
        }
        let (prefix_len, lens): (usize, [usize; 2]) = if digits.starts_with("84") {
            (2, [11, 12])
        } else if digits.starts_with('0') {
            (1, [10, 11])
        } else {
            continue;
        };
        for n in lens {
            if digits.len() < n {
                continue;
            }
            // The number must end at a boundary: the next char is not a digit.
            let end = digit_ends[n - 1];
            let next_is_digit =
                digits.len() > n && s[end..].chars().next().is_some_and(|c| c.is_ascii_digit());
            if next_is_digit {
                continue;
            }
            let national = &digits[prefix_len..n];
            if national.starts_with('0') {
                continue;
            }
            let begin = chars[start].0;
            let written = s[begin..end].trim().to_string();
            return Some((written, format!("0{national}")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_in_the_usual_shapes() {
        let ok = [
            ("ĐT: 0912 345 678", "0912345678"),
            ("0912.345.678", "0912345678"),
            ("+84 912 345 678", "0912345678"),
            ("(+84) 912-345-678", "0912345678"),
            ("84912345678", "0912345678"),
            ("máy bàn 0205 3 812 345.", "02053812345"),
        ];
        for (s, digits) in ok {
            assert_eq!(find_phone(s).map(|p| p.1), Some(digits.to_string()), "{s}");
        }
        assert_eq!(find_phone("ĐT: 0912 345 678").unwrap().0, "0912 345 678");
        for bad in [
            "0912 xxx xxx",
            "Mục lục 0........912345678",
            "ngày 01.02.2024",
            "12345678901",
            "00912345678",
            "091234",
        ] {
            assert_eq!(find_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn lines_with_labels_and_diacritics() {
        let cover = "BÀI DỰ THI\nHọ và tên: Nguyễn Thị Mai\nChức vụ: Chuyên viên\n\
                     Đơn vị công tác: Văn phòng UBND huyện Cao Lộc\nĐịa chỉ: thị trấn Cao Lộc\n\
                     Điện thoại: 0912 345 678";
        let c = parse_cover(cover);
        assert_eq!(c.name.as_deref(), Some("Nguyễn Thị Mai"));
        assert_eq!(c.position.as_deref(), Some("Chuyên viên"));
        assert_eq!(c.unit.as_deref(), Some("Văn phòng UBND huyện Cao Lộc"));
        assert_eq!(c.address.as_deref(), Some("thị trấn Cao Lộc"));
        assert_eq!(c.phone.as_deref(), Some("0912 345 678"));
        assert!(!c.is_group);
        assert_eq!(c.labels_found, 5);
    }

    #[test]
    fn labels_without_diacritics_and_table_cells() {
        let cover = "Ho va ten\nTran Van Binh\nChuc vu\nPho truong phong\nDon vi cong tac/dia chi\n\
                     So Noi vu\nSDT\n0987.654.321";
        let c = parse_cover(cover);
        assert_eq!(c.name.as_deref(), Some("Tran Van Binh"));
        assert_eq!(c.position.as_deref(), Some("Pho truong phong"));
        assert_eq!(c.unit.as_deref(), Some("So Noi vu"));
        assert_eq!(c.address.as_deref(), Some("So Noi vu"));
        assert_eq!(c.phone.as_deref(), Some("0987.654.321"));
    }

    #[test]
    fn two_labels_on_one_line_and_filler_dots() {
        let c =
            parse_cover("Họ và tên: Lê Văn Cường      Chức vụ: ……………\nĐiện thoại: 0912 xxx xxx");
        assert_eq!(c.name.as_deref(), Some("Lê Văn Cường"));
        assert_eq!(c.position, None);
        assert_eq!(c.phone, None);
        assert_eq!(c.phone_unparsed.as_deref(), Some("0912 xxx xxx"));
    }

    #[test]
    fn group_with_members_and_representative() {
        let cover = "NHÓM TÁC GIẢ:\n1. Nguyễn Văn An – Chuyên viên\n2. Hoàng Thị Bình, Phó phòng\n\
                     3. Vi Văn Cường\nĐại diện nhóm: Nguyễn Văn An\nĐịa chỉ: phường Vĩnh Trại\n\
                     Điện thoại: 0912 000 111";
        let c = parse_cover(cover);
        assert!(c.is_group);
        assert_eq!(
            c.members,
            ["Nguyễn Văn An", "Hoàng Thị Bình", "Vi Văn Cường"]
        );
        // Not every member line has details, so none are kept.
        assert!(c.member_details.is_empty());
        let rep = c.representative.unwrap();
        assert_eq!(rep.name.as_deref(), Some("Nguyễn Văn An"));
        assert_eq!(rep.address.as_deref(), Some("phường Vĩnh Trại"));
        assert_eq!(rep.phone.as_deref(), Some("0912 000 111"));
    }

    #[test]
    fn group_members_inline_and_repeated_name_labels() {
        let c = parse_cover("Nhóm tác giả: Nguyễn Văn An, Hoàng Thị Bình");
        assert_eq!(c.members, ["Nguyễn Văn An", "Hoàng Thị Bình"]);
        let c = parse_cover("Họ và tên: Nguyễn Văn An\nHọ và tên: Hoàng Thị Bình\n");
        assert!(c.is_group);
        assert_eq!(c.members.len(), 2);
        assert_eq!(c.representative, None);
    }

    #[test]
    fn several_authors_on_one_name_line() {
        let c = parse_cover("Tác giả: Nguyễn Văn An, Hoàng Thị Bình");
        assert!(c.is_group);
        assert_eq!(c.members, ["Nguyễn Văn An", "Hoàng Thị Bình"]);
        let c = parse_cover("Họ và tên: Nguyễn Văn An, Chuyên viên");
        assert!(!c.is_group);
        assert_eq!(c.name.as_deref(), Some("Nguyễn Văn An, Chuyên viên"));
    }

    #[test]
    fn sentences_are_not_labels() {
        let c = parse_cover(
            "Tác giả đề xuất giải pháp số hóa hồ sơ tại bộ phận một cửa của huyện\n\
             Địa chỉ tiếp nhận hồ sơ được niêm yết công khai tại trụ sở",
        );
        assert_eq!(c.labels_found, 0);
        assert_eq!(c.name, None);
        assert_eq!(c.address, None);
    }
}
