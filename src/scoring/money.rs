//! Amounts in đồng as the plans write them: "5.000.000 đ (Năm triệu đồng)" — digits grouped by
//! dots, and the amount in words for the prize list's total ("Bằng chữ: …").

use crate::lang::Lang;

/// "5.000.000" (Vietnamese grouping) or "5,000,000".
pub fn digits(amount: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let raw = amount.to_string();
    let mut out = String::with_capacity(raw.len() + raw.len() / 3);
    for (i, c) in raw.chars().enumerate() {
        if i > 0 && (raw.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

const UNITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// A group of three digits in words; `full` when a higher group precedes it (so 5 reads
/// "không trăm linh năm").
fn group_words(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (
        (n / 100) as usize,
        ((n / 10) % 10) as usize,
        (n % 10) as usize,
    );
    if h > 0 || full {
        out.push(UNITS[h]);
        out.push("trăm");
    }
    match t {
        0 if u > 0 && (h > 0 || full) => out.push("linh"),
        0 => {}
        1 => out.push("mười"),
        t => {
            out.push(UNITS[t]);
            out.push("mươi");
        }
    }
    match u {
        0 => {}
        1 if t >= 2 => out.push("mốt"),
        4 if t >= 2 => out.push("tư"),
        5 if t >= 1 => out.push("lăm"),
        u => out.push(UNITS[u]),
    }
}

/// The amount in Vietnamese words, capitalized, with "đồng": 2.500.000 → "Hai triệu năm trăm
/// nghìn đồng" (the plan's "(Hai triệu năm trăm nghìn đồng)"). English: "2,500,000 dong".
pub fn words(amount: u64, lang: Lang) -> String {
    if lang == Lang::En {
        return format!("{} dong", digits(amount, Lang::En));
    }
    if amount == 0 {
        return "Không đồng".to_string();
    }
    // Groups of three digits from the top: tỷ repeats for every nine digits.
    const SCALES: [&str; 4] = ["", "nghìn", "triệu", "tỷ"];
    let mut groups = Vec::new();
    let mut n = amount;
    while n > 0 {
        groups.push(n % 1000);
        n /= 1000;
    }
    let mut out: Vec<&'static str> = Vec::new();
    let top = groups.len() - 1;
    for i in (0..groups.len()).rev() {
        let g = groups[i];
        if g == 0 {
            // "một tỷ" still needs its "tỷ" when the groups under it are empty.
            if i > 0 && i % 3 == 0 && groups[i..].iter().skip(1).take(2).any(|&x| x > 0) {
                out.push("tỷ");
            }
            continue;
        }
        group_words(g, i != top, &mut out);
        let scale = if i == 0 {
            ""
        } else if i % 3 == 0 {
            "tỷ"
        } else {
            SCALES[i % 3]
        };
        if !scale.is_empty() {
            out.push(scale);
        }
    }
    let text = format!("{} đồng", out.join(" "));
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plans_amounts_read_as_the_plan_writes_them() {
        // Lạng Sơn III.6.b.
        assert_eq!(digits(5_000_000, Lang::Vi), "5.000.000");
        assert_eq!(words(5_000_000, Lang::Vi), "Năm triệu đồng");
        assert_eq!(words(2_500_000, Lang::Vi), "Hai triệu năm trăm nghìn đồng");
        assert_eq!(words(1_500_000, Lang::Vi), "Một triệu năm trăm nghìn đồng");
        assert_eq!(words(1_000_000, Lang::Vi), "Một triệu đồng");
    }

    #[test]
    fn the_tricky_digits() {
        assert_eq!(words(7_500_000, Lang::Vi), "Bảy triệu năm trăm nghìn đồng");
        assert_eq!(
            words(3_750_000, Lang::Vi),
            "Ba triệu bảy trăm năm mươi nghìn đồng"
        );
        assert_eq!(
            words(2_250_000, Lang::Vi),
            "Hai triệu hai trăm năm mươi nghìn đồng"
        );
        assert_eq!(words(15, Lang::Vi), "Mười lăm đồng");
        assert_eq!(words(21, Lang::Vi), "Hai mươi mốt đồng");
        assert_eq!(words(24, Lang::Vi), "Hai mươi tư đồng");
        assert_eq!(words(25, Lang::Vi), "Hai mươi lăm đồng");
        assert_eq!(words(105, Lang::Vi), "Một trăm linh năm đồng");
        assert_eq!(
            words(1_005_000, Lang::Vi),
            "Một triệu không trăm linh năm nghìn đồng"
        );
        assert_eq!(words(1_000_000_000, Lang::Vi), "Một tỷ đồng");
        assert_eq!(
            words(40_500_000, Lang::Vi),
            "Bốn mươi triệu năm trăm nghìn đồng"
        );
        assert_eq!(words(0, Lang::Vi), "Không đồng");
        assert_eq!(words(2_500_000, Lang::En), "2,500,000 dong");
        assert_eq!(digits(999, Lang::Vi), "999");
        assert_eq!(digits(1_000, Lang::Vi), "1.000");
    }
}
