//! Which of the eight content areas an entry's idea belongs to.
//!
//! Term weights come from two sources per area: the plan's own description of the area (its
//! two-syllable phrases, weighted by how few areas share them — "thủ tục hành chính" says
//! more than "giải pháp", which every description uses) and a term list we wrote for each
//! area (weighted higher, longer phrases higher still). An entry's score per area is the sum
//! of weight × ln(1 + occurrences); the confidence is the best area's share of all scores.
//! Vietnamese words are one to four syllables separated by spaces, so syllable bigrams are a
//! cheap, good stand-in for words.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::normalize::comparison_form;
use crate::profile::{Area, AreaSpec, ContestProfile};

/// Weight of one of our terms: base plus a bonus per syllable.
const TERM_BASE_WEIGHT: f64 = 2.0;
const TERM_SYLLABLE_WEIGHT: f64 = 0.5;
/// A description bigram used by more than this many areas' descriptions carries no weight.
const DESCRIPTION_MAX_AREAS: usize = 3;

/// A term found in the entry: (term, occurrences, score contributed).
type TermHit = (String, usize, f64);

/// The full result of area detection, for evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaDetection {
    pub best: Area,
    /// Best area's share of all scores (0 when nothing matched).
    pub confidence: f64,
    /// Every area with its share, best first.
    pub shares: Vec<(Area, f64)>,
    /// Raw sum of scores (how much area vocabulary the entry has at all).
    pub total_score: f64,
    /// The terms that weighed most for the best area, with their counts.
    pub top_terms: Vec<(String, usize)>,
}

/// The best area, its confidence (0–1) and every area's share, best first.
pub fn detect_area(text: &str, profile: &ContestProfile) -> (Area, f64, Vec<(Area, f64)>) {
    let d = detect_area_full(text, profile);
    (d.best, d.confidence, d.shares)
}

/// [`detect_area`] with the evidence the AREA rule shows.
pub fn detect_area_full(text: &str, profile: &ContestProfile) -> AreaDetection {
    let cached = cached_term_weights(profile);
    // A text typed without diacritics ("thu tuc hanh chinh") is matched against the terms
    // folded the same way, instead of finding nothing.
    let undiacritized = lacks_diacritics(text);
    let folded: Weights;
    let weights = if undiacritized {
        folded = cached
            .iter()
            .map(|(area, terms)| {
                let terms = terms
                    .iter()
                    .map(|(t, w)| (crate::normalize::fold_ascii(t), *w))
                    .collect();
                (*area, terms)
            })
            .collect();
        folded.as_slice()
    } else {
        cached.as_slice()
    };
    let longest = weights
        .iter()
        .flat_map(|(_, terms)| terms.iter().map(|(t, _)| t.split_whitespace().count()))
        .max()
        .unwrap_or(1);
    let starts: HashSet<&str> = weights
        .iter()
        .flat_map(|(_, terms)| {
            terms
                .iter()
                .filter_map(|(t, _)| t.split_whitespace().next())
        })
        .collect();
    let phrases = if undiacritized {
        crate::normalize::fold_ascii(&phrase_text(text))
    } else {
        phrase_text(text)
    };
    let terms: HashSet<&str> = weights
        .iter()
        .flat_map(|(_, terms)| terms.iter().map(|(t, _)| t.trim()))
        .collect();
    let counts = ngram_counts(&phrases, longest, &starts, &terms);
    let mut scores: Vec<(Area, f64, Vec<TermHit>)> = Vec::new();
    for (area, terms) in weights {
        let mut score = 0.0;
        let mut hits = Vec::new();
        for (term, w) in terms {
            let n = counts.get(term.trim()).copied().unwrap_or(0);
            if n > 0 {
                let s = w * (1.0 + n as f64).ln();
                score += s;
                hits.push((term.trim().to_string(), n, s));
            }
        }
        hits.sort_by(|a, b| b.2.total_cmp(&a.2));
        scores.push((*area, score, hits));
    }
    let total: f64 = scores.iter().map(|s| s.1).sum();
    let mut shares: Vec<(Area, f64)> = scores
        .iter()
        .map(|(a, s, _)| (*a, if total > 0.0 { s / total } else { 0.0 }))
        .collect();
    shares.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let best = shares.first().map(|s| s.0).unwrap_or(Area::A);
    let confidence = shares.first().map(|s| s.1).unwrap_or(0.0);
    let top_terms = scores
        .into_iter()
        .find(|s| s.0 == best)
        .map(|s| s.2.into_iter().take(5).map(|(t, n, _)| (t, n)).collect())
        .unwrap_or_default();
    AreaDetection {
        best,
        confidence,
        shares,
        total_score: total,
        top_terms,
    }
}

/// Text as " syllable syllable | syllable … " (lowercase NFC, punctuation as a phrase break),
/// so that " term " matches whole syllables only and never across a comma.
/// Vietnamese written with its marks has a third or more of its letters outside ASCII; a long
/// text with almost none was typed without diacritics.
fn lacks_diacritics(text: &str) -> bool {
    let (mut letters, mut marked) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !c.is_ascii() {
            marked += 1;
        }
    }
    letters >= 100 && marked * 50 < letters
}

fn phrase_text(text: &str) -> String {
    let lower = comparison_form(text);
    let mut out = String::with_capacity(lower.len() + 2);
    out.push(' ');
    let mut last_space = true;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
            last_space = false;
        } else if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            if !last_space {
                out.push(' ');
            }
            out.push_str("| ");
            last_space = true;
        }
    }
    if !last_space {
        out.push(' ');
    }
    out
}

/// How often each term (a run of 1..=`longest` syllables) occurs, never across a phrase
/// break: one pass over the text instead of one search per term. Syllables in `phrased` are
/// one space apart, so every run is a slice of it and nothing is allocated per position; only
/// runs that begin with a syllable some term begins with are looked up.
fn ngram_counts<'t>(
    phrased: &'t str,
    longest: usize,
    starts: &HashSet<&str>,
    terms: &HashSet<&str>,
) -> HashMap<&'t str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut syllables: Vec<(usize, usize)> = Vec::new();
    let mut phrase_start = 0;
    for phrase in phrased.split('|') {
        syllables.clear();
        let mut at = phrase_start;
        for word in phrase.split(' ') {
            if !word.is_empty() {
                syllables.push((at, at + word.len()));
            }
            at += word.len() + 1;
        }
        phrase_start += phrase.len() + 1;
        for (i, &(start, end)) in syllables.iter().enumerate() {
            if !starts.contains(&phrased[start..end]) {
                continue;
            }
            for &(_, run_end) in syllables.iter().skip(i).take(longest) {
                let run = &phrased[start..run_end];
                if terms.contains(run) {
                    *counts.entry(run).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

type Weights = Vec<(Area, Vec<(String, f64)>)>;

/// Term weights depend only on the profile's areas; a batch checks hundreds of entries with
/// one profile, so they are built once per distinct set of areas.
fn cached_term_weights(profile: &ContestProfile) -> Arc<Weights> {
    static CACHE: Mutex<Vec<(Vec<AreaSpec>, Arc<Weights>)>> = Mutex::new(Vec::new());
    const MAX_CACHED: usize = 8;
    if let Ok(cache) = CACHE.lock()
        && let Some((_, w)) = cache.iter().find(|(areas, _)| *areas == profile.areas)
    {
        return Arc::clone(w);
    }
    let weights = Arc::new(term_weights(profile));
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= MAX_CACHED {
            cache.remove(0);
        }
        cache.push((profile.areas.clone(), Arc::clone(&weights)));
    }
    weights
}

/// Per area: (" phrase ", weight).
fn term_weights(profile: &ContestProfile) -> Weights {
    let bigrams_of = |desc: &str| -> Vec<String> {
        let mut out = Vec::new();
        for phrase in phrase_text(desc).split('|') {
            let syl: Vec<&str> = phrase.split_whitespace().collect();
            for w in syl.windows(2) {
                out.push(format!(" {} {} ", w[0], w[1]));
            }
        }
        out.sort();
        out.dedup();
        out
    };
    let per_area: Vec<(Area, Vec<String>)> = profile
        .areas
        .iter()
        .map(|a| (a.area, bigrams_of(&a.description)))
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, bigrams) in &per_area {
        for b in bigrams {
            *df.entry(b.as_str()).or_insert(0) += 1;
        }
    }
    let n_areas = per_area.len().max(1) as f64;
    let mut out = Vec::new();
    for spec in &profile.areas {
        let mut terms: HashMap<String, f64> = HashMap::new();
        if let Some((_, bigrams)) = per_area.iter().find(|(a, _)| *a == spec.area) {
            for b in bigrams {
                let d = df.get(b.as_str()).copied().unwrap_or(1);
                if d <= DESCRIPTION_MAX_AREAS {
                    terms.insert(b.clone(), (n_areas / d as f64).ln());
                }
            }
        }
        for t in &spec.terms {
            let phrase = phrase_text(t);
            let syllables = phrase.split_whitespace().filter(|s| *s != "|").count();
            if syllables == 0 {
                continue;
            }
            let w = TERM_BASE_WEIGHT + TERM_SYLLABLE_WEIGHT * syllables as f64;
            let e = terms.entry(phrase).or_insert(0.0);
            *e = e.max(w);
        }
        let mut terms: Vec<(String, f64)> = terms.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        out.push((spec.area, terms));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> ContestProfile {
        ContestProfile::builtin("lang-son-2025").unwrap()
    }

    #[test]
    fn procedures_entry_is_area_c() {
        let text = "Giải pháp rút ngắn thời gian giải quyết thủ tục hành chính tại bộ phận một \
                    cửa cấp xã: người dân nộp hồ sơ một lần, nhận phiếu hẹn có mã tra cứu, cán \
                    bộ tiếp nhận hồ sơ chuyển ngay cho bộ phận chuyên môn, trả kết quả đúng hẹn.";
        let (best, conf, shares) = detect_area(text, &profile());
        assert_eq!(best, Area::C, "{shares:?}");
        assert!(conf > 0.3, "{conf}");
        assert_eq!(shares.len(), 8);
    }

    #[test]
    fn digital_and_finance_and_competitiveness() {
        let p = profile();
        let g = "Xây dựng ứng dụng chuyển đổi số cho xã: cơ sở dữ liệu dân cư, chữ ký số, \
                 thanh toán trực tuyến phí dịch vụ công trực tuyến qua mã QR.";
        assert_eq!(detect_area(g, &p).0, Area::G);
        let e = "Tăng tự chủ tài chính cho đơn vị sự nghiệp công lập, đẩy nhanh giải ngân vốn \
                 đầu tư công, tiết kiệm chi thường xuyên ngân sách.";
        assert_eq!(detect_area(e, &p).0, Area::E);
        let h = "Tổ đối thoại doanh nghiệp hằng tháng giúp nhà đầu tư tháo gỡ vướng mắc, cải \
                 thiện môi trường kinh doanh và chỉ số PCI của tỉnh.";
        assert_eq!(detect_area(h, &p).0, Area::H);
        let dd = "Đổi mới tuyển dụng công chức, viên chức và đánh giá xếp loại thực chất; bồi \
                  dưỡng đạo đức công vụ.";
        assert_eq!(detect_area(dd, &p).0, Area::Dd);
    }

    #[test]
    fn text_typed_without_diacritics_still_finds_its_area() {
        let text = "Giai phap rut ngan thoi gian giai quyet thu tuc hanh chinh tai bo phan mot \
                    cua cap xa: nguoi dan nop ho so mot lan, nhan phieu hen co ma tra cuu, can \
                    bo tiep nhan ho so chuyen ngay cho bo phan chuyen mon, tra ket qua dung hen.";
        assert!(lacks_diacritics(text));
        let (best, conf, _) = detect_area(text, &profile());
        assert_eq!(best, Area::C);
        assert!(conf > 0.3, "{conf}");
        assert!(!lacks_diacritics(
            "Thủ tục hành chính một cửa liên thông ".repeat(10).as_str()
        ));
    }

    #[test]
    fn nothing_to_go_on() {
        let d = detect_area_full("Xin chào.", &profile());
        assert_eq!(d.total_score, 0.0);
        assert_eq!(d.confidence, 0.0);
    }

    #[test]
    fn whole_syllables_only() {
        // "thuế" must not match inside another syllable, nor across punctuation.
        let t = phrase_text("Thuế, phí; lệ-phí");
        assert_eq!(t, " thuế | phí | lệ | phí ");
    }
}
