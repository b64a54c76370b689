//! Paraphrase: the second signal, sentence alignment that survives rewording.
//!
//! Verbatim alignment ([`super::align`]) needs runs of five identical syllables; a sentence
//! rewritten with synonyms, particles dropped or words reordered keeps few of those but keeps
//! most of its words in some order. So two sentences are compared as bags of syllables and
//! syllable bigrams (a Vietnamese word is often two syllables: "thủ tục", "một cửa"; a bigram
//! weighs half a syllable) by *weighted Jaccard*: Σ min / Σ max of the two weights per term,
//! each weight the term's count times a smooth inverse document frequency from the batch and
//! the corpus, so particles and the words every text uses cost little when changed. On vnPara's
//! train split this beat cosine over content words (stop words removed) and plain Jaccard
//! (`benches/detect_real.rs`). Then, as in the PAN text-alignment systems:
//! 1. **seed**: sentence pairs whose similarity reaches `paraphrase_seed_min`, each sentence
//!    with at least [`MIN_SENTENCE_TERMS`] content syllables (stop words do not count there);
//! 2. **extend**: seeds close to each other in both texts (at most [`MAX_SENTENCE_GAP`]
//!    sentences apart) chain into one passage;
//! 3. **filter** (by the caller): a passage counts from two seeds and `min_span_words` words of
//!    the entry, and only for the words verbatim alignment did not already cover.
//!
//! `paraphrase_seed_min` (0.3) is the lowest similarity at which vnPara's *train* part reaches
//! 99 % precision (seeds are rare events among all sentence pairs of two documents, so the
//! seed threshold favours precision over the accuracy-best 0.21); held out it gives precision
//! 0.98 and recall 0.94 (`benches/detect_real.rs`).

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::idea::DocFreq;
use crate::fingerprint::tokens::{Token, mix64, tokenize};

/// Shared terms a sentence pair needs to seed (besides the similarity).
pub const MIN_SHARED_TERMS: usize = 4;
/// Sentences between two seeds still chained into one passage.
pub const MAX_SENTENCE_GAP: usize = 2;
/// Content syllables (not stop words) a sentence needs to be compared at all (headings and list
/// markers are not).
const MIN_SENTENCE_TERMS: usize = 6;
/// Longest sentence, in tokens: a paragraph with no full stop is cut into pieces this long.
const MAX_SENTENCE_TOKENS: usize = 60;

/// Function words (Vietnamese syllables and English words) that carry no content. Our own
/// list of the particles, pronouns, conjunctions and prepositions any text uses.
const STOP_WORDS: &str = "và với của là các những được có cho trong theo để này đó khi thì đã sẽ đang không \
    một hai ba nhiều mọi mỗi từng cũng vẫn còn lại ra vào lên xuống đến tới từ tại trên dưới về như nhưng \
    hoặc hay nếu vì do bởi nên mà rằng thế nào gì ai đâu sao bao giờ lúc nơi đây kia ấy nó họ chúng ta tôi \
    bạn mình anh chị em ông bà cô chú người cái chiếc con việc sự cuộc điều thứ nữa rất quá lắm hơn nhất \
    chỉ đều cùng phải cần nhằm đối này nay vậy thật chính bản thân ngay luôn thường rồi xong bị qua giữa \
    sau trước khác nhau thêm thuộc gồm bao_gồm tuy dù song the a an of to in on for and or is are was were be \
    by with as at from that this these those it its which who whom whose not no but if then than so such";

static STOP_KEYS: LazyLock<rustc_hash::FxHashSet<u64>> = LazyLock::new(|| {
    tokenize(&STOP_WORDS.replace('_', " "))
        .into_iter()
        .map(|t| t.key)
        .collect()
});

/// Whether a token is a function word.
pub fn is_stop(t: &Token) -> bool {
    STOP_KEYS.contains(&t.key)
}

/// The key of a syllable bigram (same mixing as [`super::idea::terms`], so one table of
/// document frequencies serves both).
#[inline]
pub fn bigram(a: u64, b: u64) -> u64 {
    mix64(a.rotate_left(17) ^ b ^ 0x5851_F42D_4C95_7F2D)
}

/// Token ranges of the sentences of a text: cut at `.` `!` `?` `;` `:` and line breaks
/// (between tokens), long runs cut every [`MAX_SENTENCE_TOKENS`] tokens.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in 1..=tokens.len() {
        let end_here = if i == tokens.len() {
            true
        } else {
            let gap = bytes
                .get(tokens[i - 1].end as usize..tokens[i].start as usize)
                .unwrap_or(&[]);
            gap.iter()
                .any(|&b| matches!(b, b'.' | b'!' | b'?' | b';' | b':' | b'\n'))
                || i - start >= MAX_SENTENCE_TOKENS
        };
        if end_here && i > start {
            out.push((start, i));
            start = i;
        }
    }
    out
}

/// Weight of a syllable in half-units: a syllable weighs 2 halves, a syllable bigram 1 (half
/// a syllable), times the term's smooth idf.
const SYLLABLE_HALVES: u32 = 2;
const BIGRAM_HALVES: u32 = 1;

/// The terms of one sentence before weighting: syllables and bigrams of adjacent syllables,
/// each with its count in half-units ([`SYLLABLE_HALVES`], [`BIGRAM_HALVES`]), sorted by term.
/// `skip[i]` leaves token `i` out (excluded text). A sentence with fewer than `min_content`
/// content syllables has none.
fn gather(tokens: &[Token], skip: &[bool], min_content: usize) -> Vec<(u64, u32)> {
    let kept = || {
        tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.get(*i).copied().unwrap_or(false))
            .map(|(_, t)| t)
    };
    if kept().filter(|t| !is_stop(t)).count() < min_content.max(1) {
        return Vec::new();
    }
    // Each occurrence, then equal terms summed: one buffer per sentence.
    let mut halves: Vec<(u64, u32)> = Vec::with_capacity(2 * tokens.len());
    let mut previous: Option<u64> = None;
    for t in kept() {
        halves.push((t.key, SYLLABLE_HALVES));
        if let Some(p) = previous {
            halves.push((bigram(p, t.key), BIGRAM_HALVES));
        }
        previous = Some(t.key);
    }
    halves.sort_unstable_by_key(|t| t.0);
    halves.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 += later.1;
        }
        same
    });
    halves
}

/// The weight of a term counted `halves` half-units with this idf.
#[inline]
fn weight(halves: u32, idf: f64) -> f32 {
    (0.5 * f64::from(halves) * idf) as f32
}

/// A sentence as sparse term weights, sorted by term, with their sum.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceVector {
    pub terms: Vec<(u64, f32)>,
    pub total: f32,
}

impl SentenceVector {
    /// Syllables and bigrams of adjacent syllables, each weighted by count × smooth idf
    /// (bigrams at half a syllable). `skip[i]` leaves token `i` out (excluded text). A
    /// sentence with fewer than `min_content` content syllables is empty.
    pub fn new(
        tokens: &[Token],
        skip: &[bool],
        df: &DocFreq,
        min_content: usize,
    ) -> SentenceVector {
        let terms: Vec<(u64, f32)> = gather(tokens, skip, min_content)
            .into_iter()
            .map(|(t, h)| (t, weight(h, df.idf_smooth(t))))
            .filter(|w| w.1 > 0.0)
            .collect();
        let total = terms.iter().map(|w| w.1).sum();
        SentenceVector { terms, total }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Weighted Jaccard similarity (0..1) and the number of shared terms.
    pub fn similarity(&self, other: &SentenceVector) -> (f64, usize) {
        let (mut i, mut j, mut min_sum, mut shared) = (0, 0, 0f64, 0usize);
        let (a, b) = (&self.terms, &other.terms);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    min_sum += f64::from(a[i].1.min(b[j].1));
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (jaccard(min_sum, self.total, other.total), shared)
    }
}

/// Σ min / Σ max, with Σ max = Σa + Σb − Σ min over the union of terms.
fn jaccard(min_sum: f64, a_total: f32, b_total: f32) -> f64 {
    let max_sum = f64::from(a_total) + f64::from(b_total) - min_sum;
    if max_sum <= 0.0 {
        0.0
    } else {
        (min_sum / max_sum).clamp(0.0, 1.0)
    }
}

/// A document's sentences cut into terms, before any weighting: what depends on its text and
/// on what is excluded from it only, not on the batch's term frequencies, so it can be kept
/// between screenings by content (`detect`'s sentence store) and weighed again
/// ([`Sentences::weigh`]) under each batch's frequencies. Its parts are the crate's own: one is
/// made by [`CutSentences::new`] or read back and checked ([`CutSentences::fits`]), so that
/// weighing can index by them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CutSentences {
    /// Token range of each sentence.
    pub(crate) ranges: Vec<(u32, u32)>,
    /// The distinct terms of the document, sorted.
    pub(crate) terms: Vec<u64>,
    /// Where each sentence's slots start in `slots`; one more than there are sentences.
    pub(crate) starts: Vec<u32>,
    /// Per sentence: (index in `terms`, half-units), sorted by index.
    pub(crate) slots: Vec<(u32, u32)>,
}

impl CutSentences {
    pub fn new(text: &str, tokens: &[Token], skip: &[bool]) -> CutSentences {
        let ranges = sentences(text, tokens);
        let gathered: Vec<Vec<(u64, u32)>> = ranges
            .iter()
            .map(|&(s, e)| {
                gather(
                    &tokens[s..e],
                    skip.get(s..e).unwrap_or(&[]),
                    MIN_SENTENCE_TERMS,
                )
            })
            .collect();
        let mut terms: Vec<u64> = gathered.iter().flatten().map(|t| t.0).collect();
        terms.sort_unstable();
        terms.dedup();
        let mut starts = Vec::with_capacity(ranges.len() + 1);
        let mut slots = Vec::with_capacity(gathered.iter().map(Vec::len).sum());
        starts.push(0);
        for sentence in &gathered {
            // A sentence's terms are sorted, so their indexes are found moving forward.
            let mut from = 0usize;
            for &(t, h) in sentence {
                let at = from + terms[from..].partition_point(|&x| x < t);
                slots.push((at as u32, h));
                from = at;
            }
            starts.push(slots.len() as u32);
        }
        CutSentences {
            ranges: ranges
                .into_iter()
                .map(|(s, e)| (s as u32, e as u32))
                .collect(),
            terms,
            starts,
            slots,
        }
    }

    /// Whether this can be the cut of a document of `tokens` tokens (guards against a damaged
    /// store): ranges in order within the tokens, slots within the terms and in order.
    pub fn fits(&self, tokens: usize) -> bool {
        let mut last_end = 0u32;
        let contiguous = self.ranges.iter().all(|&(s, e)| {
            let ok = s == last_end && s < e;
            last_end = e;
            ok
        });
        let ranges_fit = contiguous && last_end as usize == tokens;
        let starts_fit = self.starts.len() == self.ranges.len() + 1
            && self.starts.first() == Some(&0)
            && self.starts.last().map(|&l| l as usize) == Some(self.slots.len())
            && self.starts.windows(2).all(|w| w[0] <= w[1]);
        let terms_fit = self.terms.windows(2).all(|w| w[0] < w[1]);
        let slots_fit = starts_fit
            && self.starts.windows(2).all(|w| {
                let sentence = &self.slots[w[0] as usize..w[1] as usize];
                sentence
                    .iter()
                    .all(|&(t, h)| (t as usize) < self.terms.len() && h > 0)
                    && sentence.windows(2).all(|p| p[0].0 < p[1].0)
            });
        ranges_fit && terms_fit && slots_fit
    }
}

/// The sentences of one document, ready for alignment.
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    /// Token range of each sentence.
    pub ranges: Vec<(usize, usize)>,
    pub vectors: Vec<SentenceVector>,
    /// Every (sentence, weight) of `vectors`, grouped by term: the inverted index [`align`]
    /// looks a sentence's terms up in, built once per document.
    postings: Vec<(u32, f32)>,
    /// Where each term's group starts in `postings` and how long it is. Terms are hashes
    /// already, so the map hashes them with one multiplication (`rustc-hash`) instead of
    /// SipHash: `align` looks up every term of every sentence of every pair.
    holders: FxHashMap<u64, (u32, u32)>,
}

impl Sentences {
    pub fn new(text: &str, tokens: &[Token], skip: &[bool], df: &DocFreq) -> Sentences {
        Sentences::weigh(&CutSentences::new(text, tokens, skip), df)
    }

    /// The cut sentences weighted by these document frequencies: one idf per distinct term
    /// of the document, and the postings grouped by term by counting (the terms are indexes).
    pub fn weigh(cut: &CutSentences, df: &DocFreq) -> Sentences {
        let idf: Vec<f64> = cut.terms.iter().map(|&t| df.idf_smooth(t)).collect();
        let sentence = |j: usize| {
            let from = cut.starts.get(j).map_or(0, |&s| s as usize);
            let to = cut.starts.get(j + 1).map_or(from, |&s| s as usize);
            cut.slots.get(from..to).unwrap_or(&[])
        };
        let vectors: Vec<SentenceVector> = (0..cut.ranges.len())
            .map(|j| {
                let terms: Vec<(u64, f32)> = sentence(j)
                    .iter()
                    .map(|&(t, h)| (cut.terms[t as usize], weight(h, idf[t as usize])))
                    .filter(|w| w.1 > 0.0)
                    .collect();
                let total = terms.iter().map(|w| w.1).sum();
                SentenceVector { terms, total }
            })
            .collect();
        // Postings by counting sort on the term index, filled in sentence order, so each
        // term's group is sorted by sentence.
        let mut from = vec![0u32; cut.terms.len() + 1];
        for &(t, _) in &cut.slots {
            from[t as usize + 1] += 1;
        }
        for i in 1..from.len() {
            from[i] += from[i - 1];
        }
        let mut holders = FxHashMap::with_capacity_and_hasher(cut.terms.len(), Default::default());
        for (t, &term) in cut.terms.iter().enumerate() {
            let len = from[t + 1] - from[t];
            if len > 0 {
                holders.insert(term, (from[t], len));
            }
        }
        let mut postings = vec![(0u32, 0f32); cut.slots.len()];
        let mut next = from;
        for j in 0..cut.ranges.len() {
            for &(t, h) in sentence(j) {
                let at = &mut next[t as usize];
                postings[*at as usize] = (j as u32, weight(h, idf[t as usize]));
                *at += 1;
            }
        }
        Sentences {
            ranges: cut
                .ranges
                .iter()
                .map(|&(s, e)| (s as usize, e as usize))
                .collect(),
            vectors,
            postings,
            holders,
        }
    }

    /// The (sentence, weight) of every sentence holding `term`.
    fn holding(&self, term: u64) -> &[(u32, f32)] {
        match self.holders.get(&term) {
            Some(&(from, len)) => self
                .postings
                .get(from as usize..(from + len) as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }
}

/// A paraphrased passage: sentence ranges in both texts, as token ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParaPassage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    /// Seed sentence pairs in the passage (a pair whose sentence of b is the previous
    /// pair's counts once).
    pub seeds: usize,
}

/// Seed → extend → merge over the sentences of `a` and `b`. Returns passages sorted by
/// position in `a` (token ranges); the caller filters by length and verbatim coverage.
pub fn align(a: &Sentences, b: &Sentences, seed_min: f64) -> Vec<ParaPassage> {
    if b.postings.is_empty() {
        return Vec::new();
    }
    let mut seeds: Vec<(usize, usize)> = Vec::new();
    // Per sentence of b: the Σ min of weights and the number of terms shared with the
    // sentence of a at hand, and which sentences were touched (so resetting is cheap).
    let mut acc: Vec<(f64, u32)> = vec![(0.0, 0); b.vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (i, v) in a.vectors.iter().enumerate() {
        if v.is_empty() {
            continue;
        }
        for j in touched.drain(..) {
            acc[j as usize] = (0.0, 0);
        }
        for &(t, w) in &v.terms {
            let list = b.holding(t);
            // A term in most of b's sentences tells nothing about which one.
            if list.len() > 64 {
                continue;
            }
            for &(j, wb) in list {
                let e = &mut acc[j as usize];
                if e.1 == 0 {
                    touched.push(j);
                }
                e.0 += f64::from(w.min(wb));
                e.1 += 1;
            }
        }
        // The best sentence of b for this sentence of a (ties: the earlier one).
        let best = touched
            .iter()
            .map(|&j| {
                let (min_sum, shared) = acc[j as usize];
                let sim = jaccard(min_sum, v.total, b.vectors[j as usize].total);
                (j, sim, shared)
            })
            .filter(|&(_, sim, shared)| sim >= seed_min && shared as usize >= MIN_SHARED_TERMS)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((j, _, _)) = best {
            seeds.push((i, j as usize));
        }
    }
    // Extend: chain seeds that follow each other in both texts. A seed counts when its
    // sentence of b is not the one the passage's last seed took: several sentences of a
    // matched to one sentence of b are one pair, not a passage (a paraphrased passage is
    // two sentence pairs in a row, so two sentences on both sides).
    let mut passages: Vec<(usize, usize, usize, usize, usize)> = Vec::new(); // sentence ranges
    let mut last_b: Vec<usize> = Vec::new(); // per passage: its last seed's sentence of b
    for (i, j) in seeds {
        let n = passages.len();
        let joined = (n.saturating_sub(4)..n).rev().find(|&x| {
            let p = &passages[x];
            i <= p.1 + MAX_SENTENCE_GAP
                && j + MAX_SENTENCE_GAP + 1 >= p.2
                && j <= p.3 + MAX_SENTENCE_GAP
        });
        match joined {
            Some(x) => {
                let p = &mut passages[x];
                p.1 = p.1.max(i + 1);
                p.2 = p.2.min(j);
                p.3 = p.3.max(j + 1);
                if last_b[x] != j {
                    p.4 += 1;
                    last_b[x] = j;
                }
            }
            None => {
                passages.push((i, i + 1, j, j + 1, 1));
                last_b.push(j);
            }
        }
    }
    passages
        .into_iter()
        .map(|(s, e, bs, be, seeds)| ParaPassage {
            a_start: a.ranges[s].0,
            a_end: a.ranges[e - 1].1,
            b_start: b.ranges[bs].0,
            b_end: b.ranges[be - 1].1,
            seeds,
        })
        .collect()
}

/// Sentence-grain similarity on its own, with document frequencies learned from a set of
/// texts (each text one document): what `benches/detect_real.rs` measures on vnPara.
pub struct SentenceModel {
    df: DocFreq,
}

impl SentenceModel {
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> SentenceModel {
        let df = DocFreq::default();
        for t in texts {
            df.add(&tokenize(t));
        }
        SentenceModel { df }
    }

    /// Weighted Jaccard similarity of the two sentences, 0..1.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        let (ta, tb) = (tokenize(a), tokenize(b));
        let va = SentenceVector::new(&ta, &[], &self.df, 1);
        let vb = SentenceVector::new(&tb, &[], &self.df, 1);
        va.similarity(&vb).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> SentenceModel {
        SentenceModel::from_texts([
            "Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh qua cổng dịch vụ công trực tuyến.",
            "Người dân có thể nộp hồ sơ đăng ký khai sinh trên cổng dịch vụ công mà không phải đến xã.",
            "Sở Tài chính hướng dẫn quyết toán kinh phí sự nghiệp cho các đơn vị dự toán.",
            "Trường học tổ chức dạy bơi cho học sinh trước mùa mưa lũ hằng năm.",
            "Chợ đầu mối sắp xếp lại các sạp hàng để giao thông thông suốt giờ cao điểm.",
            "Bệnh viện gửi kết quả xét nghiệm qua tin nhắn để người bệnh khỏi quay lại.",
            "Thư viện cho học sinh mượn máy tính xách tay để học tập tại nhà.",
            "Phường thu phí bằng chuyển khoản thay cho tiền mặt tại bộ phận một cửa.",
        ])
    }

    #[test]
    fn reworded_sentence_stays_similar_unrelated_one_does_not() {
        let m = model();
        let a = "Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh qua cổng dịch vụ công trực tuyến.";
        let reworded = "Qua cổng dịch vụ công trực tuyến, hồ sơ đăng ký khai sinh sẽ được Ủy ban nhân dân xã tiếp nhận.";
        let other = "Sở Tài chính hướng dẫn quyết toán kinh phí sự nghiệp cho các đơn vị dự toán.";
        let same = m.similarity(a, reworded);
        assert!(same > 0.6, "{same}");
        assert!(m.similarity(a, other) < 0.1, "{}", m.similarity(a, other));
    }

    fn sentences_of(text: &str, m: &SentenceModel) -> Sentences {
        let tokens = tokenize(text);
        Sentences::new(text, &tokens, &vec![false; tokens.len()], &m.df)
    }

    #[test]
    fn several_sentences_matched_to_one_sentence_are_one_pair_not_a_passage() {
        let m = model();
        let line = "Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh qua cổng dịch vụ công trực tuyến.";
        let next = "Người dân có thể nộp hồ sơ đăng ký khai sinh trên cổng dịch vụ công mà không phải đến xã.";
        // Three sentences of a, each a rewording of the one line of b.
        let a = format!(
            "{line}\nQua cổng dịch vụ công trực tuyến, Ủy ban nhân dân xã tiếp nhận hồ sơ đăng ký khai sinh.\nHồ sơ đăng ký khai sinh được Ủy ban nhân dân xã tiếp nhận qua cổng dịch vụ công trực tuyến."
        );
        let b = format!(
            "Sở Tài chính hướng dẫn quyết toán kinh phí.\n{line}\nChợ đầu mối sắp xếp lại các sạp hàng."
        );
        let found = align(&sentences_of(&a, &m), &sentences_of(&b, &m), 0.3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].seeds, 1, "{found:?}");
        // Two sentences of a reworded from two sentences of b in a row: two pairs.
        let a = format!(
            "{line}\nNgười dân nộp hồ sơ đăng ký khai sinh trên cổng dịch vụ công, không phải đến xã."
        );
        let b = format!("{line}\n{next}");
        let found = align(&sentences_of(&a, &m), &sentences_of(&b, &m), 0.3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].seeds, 2, "{found:?}");
    }

    #[test]
    fn sentences_are_cut_at_stops_and_line_breaks() {
        let text = "Một hai ba. Bốn năm; sáu\nbảy tám chín";
        let t = tokenize(text);
        assert_eq!(sentences(text, &t), vec![(0, 3), (3, 5), (5, 6), (6, 9)]);
    }
}
