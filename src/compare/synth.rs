//! A synthetic contest with planted copies of known kind, to measure copy detection.
//!
//! Real contests do not come with an answer key, so accuracy is measured on generated ones
//! (`benches/compare.rs`). Texts are random sentences over a vocabulary — Vietnamese
//! syllables (generated, or counted from a real text such as the contest plans) or English
//! words — with Zipf frequencies, so common words are shared by every entry as in real
//! entries. Each entry has a distinct topic (a handful of rare words it keeps using); the
//! planted cases are verbatim copies, light and heavy edits, one copied paragraph, copies of a
//! corpus model, the same topic in other words (idea), template-only overlap, and a plan
//! passage many entries quote (auto-template).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

// Only `super::CorpusKind` and crates.io crates: the file is also included as a path module by
// the synthetic benches (`benches/compare.rs`, `benches/screen.rs` and through it
// `benches/serve.rs`), where `crate` is the bench.
use super::CorpusKind;

/// splitmix64's finalizer (the same mix as the tokenizer's, kept here so the file stands alone).
fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A small, fast, reproducible random source (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x2545_F491_4F6C_DD1D)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }
}

/// Which language the generated text is in (only the vocabulary and the labels differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynthLang {
    Vietnamese,
    English,
}

/// Random text over a Zipf-weighted vocabulary.
#[derive(Debug, Clone)]
pub struct TextGen {
    vocab: Vec<String>,
    cumulative: Vec<f64>,
    lang: SynthLang,
}

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
    "r", "s", "t", "th", "tr", "v", "x",
];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "iê", "uô", "ươ",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "oi", "ôi", "ơi", "ui", "ưu",
];
const CODAS: &[&str] = &["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const TONES: &[&str] = &[
    "", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}",
];
/// Common English words, in rough frequency order; a generated tail adds rare words.
const ENGLISH: &str = "the of and to a in is that for it as with was on be by this are or from at which \
    but not have an they you were their one all we can her has there been if more when will would who so \
    no she other its may these about them than into only some could time two then do first any my now \
    such like our over man me even most made after also did many before must through back years where \
    much your way well down should because each just those people how too little state good very make \
    world still own see men work long get here between both life being under never day same another know \
    while last might us great old year off come since against go came right used take three office city \
    council citizen service public form record permit fee online portal staff case request process \
    department ward district province budget report plan rule law review meeting week month number \
    paper file desk queue wait digital system data account payment transfer notice message phone \
    school clinic road market water land tax license business enterprise procedure reform idea";

impl TextGen {
    /// Generated Vietnamese syllables (about 4,000), Zipf-weighted.
    pub fn vietnamese(seed: u64) -> TextGen {
        let mut rng = Rng::new(seed);
        let mut vocab = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while vocab.len() < 4000 {
            let o = ONSETS[rng.below(ONSETS.len())];
            let n = NUCLEI[rng.below(NUCLEI.len())];
            let c = CODAS[rng.below(CODAS.len())];
            let t = TONES[rng.below(TONES.len())];
            let s: String = format!("{o}{n}{t}{c}").nfc().collect();
            if seen.insert(s.clone()) {
                vocab.push(s);
            }
        }
        TextGen::zipf(vocab, SynthLang::Vietnamese)
    }

    /// English words (a common core plus generated rare words), Zipf-weighted.
    pub fn english(seed: u64) -> TextGen {
        let mut rng = Rng::new(seed);
        let mut vocab: Vec<String> = ENGLISH.split_whitespace().map(str::to_string).collect();
        let cons = [
            "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "pr", "tr",
        ];
        let vows = ["a", "e", "i", "o", "u", "ea", "ou", "io"];
        let mut seen: std::collections::HashSet<String> = vocab.iter().cloned().collect();
        while vocab.len() < 4000 {
            let syl = rng.range(2, 3);
            let w: String = (0..syl)
                .map(|_| {
                    format!(
                        "{}{}",
                        cons[rng.below(cons.len())],
                        vows[rng.below(vows.len())]
                    )
                })
                .collect();
            if seen.insert(w.clone()) {
                vocab.push(w);
            }
        }
        TextGen::zipf(vocab, SynthLang::English)
    }

    /// Vocabulary and frequencies counted from a real text (e.g. the contest plans), with
    /// generated Vietnamese syllables as the rare tail.
    pub fn from_text(text: &str, seed: u64) -> TextGen {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().any(|c| c.is_alphabetic()) {
                *counts
                    .entry(w.nfc().collect::<String>().to_lowercase())
                    .or_insert(0) += 1;
            }
        }
        let mut words: Vec<(String, usize)> = counts.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut vocab: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
        let tail = TextGen::vietnamese(seed);
        let known: std::collections::HashSet<String> = vocab.iter().cloned().collect();
        vocab.extend(tail.vocab.into_iter().filter(|w| !known.contains(w)));
        TextGen::zipf(vocab, SynthLang::Vietnamese)
    }

    fn zipf(vocab: Vec<String>, lang: SynthLang) -> TextGen {
        let mut acc = 0.0;
        let cumulative = (0..vocab.len())
            .map(|r| {
                acc += 1.0 / (r as f64 + 2.7);
                acc
            })
            .collect();
        TextGen {
            vocab,
            cumulative,
            lang,
        }
    }

    pub fn lang(&self) -> SynthLang {
        self.lang
    }

    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        self.vocab
            .get(i.min(self.vocab.len().saturating_sub(1)))
            .map_or("", String::as_str)
    }

    /// A rare word (from the last half of the vocabulary), for topics.
    pub fn rare_word(&self, rng: &mut Rng) -> &str {
        let half = self.vocab.len() / 2;
        self.vocab
            .get(half + rng.below(self.vocab.len() - half))
            .map_or("", String::as_str)
    }

    /// A topic: `n` two-word terms an entry keeps returning to.
    pub fn topic(&self, rng: &mut Rng, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| format!("{} {}", self.rare_word(rng), self.rare_word(rng)))
            .collect()
    }

    /// About `words` words in paragraphs (one per line) of sentences, topic terms sprinkled in.
    pub fn document(&self, rng: &mut Rng, words: usize, topic: &[String]) -> String {
        let mut out = String::with_capacity(words * 7);
        let mut written = 0;
        while written < words {
            let sentences = rng.range(3, 6);
            for s in 0..sentences {
                let len = rng.range(8, 24);
                for i in 0..len {
                    let w = if !topic.is_empty() && rng.chance(0.12) {
                        topic[rng.below(topic.len())].as_str()
                    } else {
                        self.word(rng)
                    };
                    if i == 0 {
                        let mut cs = w.chars();
                        if let Some(f) = cs.next() {
                            out.extend(f.to_uppercase());
                            out.push_str(cs.as_str());
                        }
                    } else {
                        out.push(' ');
                        out.push_str(w);
                    }
                    written += 1;
                }
                out.push('.');
                if s + 1 < sentences {
                    out.push(' ');
                }
            }
            out.push('\n');
        }
        out
    }

    /// Change about `rate` of the words: replace (most), delete, insert, or swap with the
    /// next word. Line breaks are kept.
    pub fn edit(&self, rng: &mut Rng, text: &str, rate: f64) -> String {
        let mut lines = Vec::new();
        for line in text.lines() {
            let mut words: Vec<String> = line.split(' ').map(str::to_string).collect();
            let mut i = 0;
            while i < words.len() {
                if rng.chance(rate) {
                    match rng.below(10) {
                        0..=5 => words[i] = self.word(rng).to_string(),
                        6 if words.len() > 1 => {
                            words.remove(i);
                            continue;
                        }
                        7 => {
                            words.insert(i, self.word(rng).to_string());
                            i += 1;
                        }
                        _ if i + 1 < words.len() => words.swap(i, i + 1),
                        _ => words[i] = self.word(rng).to_string(),
                    }
                }
                i += 1;
            }
            lines.push(words.join(" "));
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}

/// What was planted in an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Case {
    /// Original, nothing copied (may quote the common plan passage, which must be excluded).
    Clean,
    /// The body of another entry, word for word.
    Verbatim,
    /// Another entry's body with 5–15 % of words changed or reordered.
    LightEdit,
    /// Another entry's body with 30 % of words changed.
    HeavyEdit,
    /// One paragraph (40–90 words) of another entry inside original text.
    Paragraph,
    /// A corpus model, lightly edited (5 %).
    CorpusCopy,
    /// Another entry's topic in freshly written sentences.
    Idea,
    /// Original, but with the template's instructions left in: must not be flagged.
    TemplateOnly,
}

impl Case {
    pub const ALL: [Case; 8] = [
        Case::Clean,
        Case::Verbatim,
        Case::LightEdit,
        Case::HeavyEdit,
        Case::Paragraph,
        Case::CorpusCopy,
        Case::Idea,
        Case::TemplateOnly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Case::Clean => "clean",
            Case::Verbatim => "verbatim",
            Case::LightEdit => "light-edit",
            Case::HeavyEdit => "heavy-edit",
            Case::Paragraph => "paragraph",
            Case::CorpusCopy => "corpus-copy",
            Case::Idea => "idea",
            Case::TemplateOnly => "template-only",
        }
    }
}

/// Where a planted copy came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlantedSource {
    Entry(usize),
    Corpus(usize),
}

/// A planted copy, with the byte ranges that were copied on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Planted {
    pub entry: usize,
    pub source: PlantedSource,
    pub case: Case,
    pub entry_span: (usize, usize),
    pub source_span: (usize, usize),
}

/// A generated contest: entries, a corpus (models and one template) and the answer key.
#[derive(Debug, Clone)]
pub struct SynthContest {
    pub entries: Vec<String>,
    pub cases: Vec<Case>,
    pub corpus: Vec<(String, CorpusKind)>,
    pub planted: Vec<Planted>,
    /// Entries a planted copy was taken from (flagged with their copier, not false flags).
    pub is_source: Vec<bool>,
}

/// Sizes of a synthetic contest.
#[derive(Debug, Clone, Copy)]
pub struct SynthSpec {
    pub entries: usize,
    pub words: usize,
    pub corpus_models: usize,
    /// Share of entries of each planted case (the rest are clean).
    pub planted_share: f64,
    pub seed: u64,
}

fn cover(textgen: &TextGen, rng: &mut Rng) -> String {
    let name = format!(
        "{} {} {}",
        textgen.rare_word(rng),
        textgen.rare_word(rng),
        textgen.rare_word(rng)
    );
    let phone = 900_000_000 + rng.below(99_999_999);
    match textgen.lang() {
        SynthLang::Vietnamese => format!(
            "BÀI DỰ THI\nHọ và tên: {name}\nChức vụ: chuyên viên\nĐơn vị công tác: {}\nSố điện thoại: 0{phone}\n",
            textgen.rare_word(rng)
        ),
        SynthLang::English => format!(
            "CONTEST ENTRY\nFull name: {name}\nPosition: officer\nWork unit: {}\nPhone: 0{phone}\n",
            textgen.rare_word(rng)
        ),
    }
}

impl SynthContest {
    pub fn generate(textgen: &TextGen, spec: SynthSpec) -> SynthContest {
        let mut rng = Rng::new(spec.seed);
        let n = spec.entries;
        // Shared texts: the template's instructions and a plan passage many entries quote.
        let instructions = textgen.document(&mut rng, 120, &[]);
        let labels = match textgen.lang() {
            SynthLang::Vietnamese => {
                "BÀI DỰ THI\nHọ và tên:\nChức vụ:\nĐơn vị công tác:\nSố điện thoại:\n"
            }
            SynthLang::English => "CONTEST ENTRY\nFull name:\nPosition:\nWork unit:\nPhone:\n",
        };
        let template = format!("{labels}{instructions}");
        let plan_passage = textgen.document(&mut rng, 40, &[]);

        let mut corpus: Vec<(String, CorpusKind)> = (0..spec.corpus_models)
            .map(|_| {
                let topic = textgen.topic(&mut rng, 8);
                (
                    textgen.document(&mut rng, (spec.words / 2).max(50), &topic),
                    CorpusKind::Applied,
                )
            })
            .collect();
        corpus.push((template.clone(), CorpusKind::Template));

        // Decide cases: a block of each planted case, the rest clean; then shuffle.
        let per_case = ((n as f64) * spec.planted_share).round() as usize;
        let mut cases = vec![Case::Clean; n];
        let mut idx = 0;
        for case in &Case::ALL[1..] {
            for _ in 0..per_case {
                if idx < n {
                    cases[idx] = *case;
                    idx += 1;
                }
            }
        }
        for i in (1..n).rev() {
            cases.swap(i, rng.below(i + 1));
        }

        // Originals first (clean and template-only), then copies from them.
        let topics: Vec<Vec<String>> = (0..n).map(|_| textgen.topic(&mut rng, 8)).collect();
        let mut bodies: Vec<(String, String)> = vec![(String::new(), String::new()); n];
        let mut entries = vec![String::new(); n];
        let mut body_start = vec![0usize; n];
        for i in 0..n {
            let c = cover(textgen, &mut rng);
            let mut body = textgen.document(&mut rng, spec.words, &topics[i]);
            if cases[i] == Case::TemplateOnly {
                body = format!("{instructions}{body}");
            }
            if rng.chance(0.4) {
                // The plan passage, quoted by many entries: excluded as auto-template.
                let at = body.find('\n').map_or(0, |p| p + 1);
                body.insert_str(at, &plan_passage);
            }
            body_start[i] = c.len();
            entries[i] = format!("{c}{body}");
            bodies[i] = (c, body);
        }
        let originals: Vec<usize> = (0..n)
            .filter(|&i| matches!(cases[i], Case::Clean))
            .collect();
        let mut is_source = vec![false; n];
        let mut next_original = 0usize;
        let mut next_model = 0usize;
        let mut planted = Vec::new();
        for i in 0..n {
            let case = cases[i];
            if matches!(case, Case::Clean | Case::TemplateOnly) {
                continue;
            }
            let cover_text = bodies[i].0.clone();
            if case == Case::CorpusCopy {
                // Each model copied once, so two copiers of one model do not match each other.
                let m = next_model % spec.corpus_models.max(1);
                next_model += 1;
                let Some((model, _)) = corpus.get(m) else {
                    continue;
                };
                let body = textgen.edit(&mut rng, model, 0.05);
                entries[i] = format!("{cover_text}{body}");
                planted.push(Planted {
                    entry: i,
                    source: PlantedSource::Corpus(m),
                    case,
                    entry_span: (cover_text.len(), entries[i].len()),
                    source_span: (0, model.len()),
                });
                continue;
            }
            // A fresh original as the source (each source used once, so no transitive pairs).
            let Some(&src) = originals.get(next_original) else {
                continue;
            };
            next_original += 1;
            is_source[src] = true;
            let src_body = bodies[src].1.clone();
            let src_off = body_start[src];
            let (body, entry_span, source_span) = match case {
                Case::Verbatim => (src_body.clone(), None, (src_off, src_off + src_body.len())),
                Case::LightEdit => {
                    let rate = 0.05 + rng.below(11) as f64 / 100.0;
                    (
                        textgen.edit(&mut rng, &src_body, rate),
                        None,
                        (src_off, src_off + src_body.len()),
                    )
                }
                Case::HeavyEdit => (
                    textgen.edit(&mut rng, &src_body, 0.30),
                    None,
                    (src_off, src_off + src_body.len()),
                ),
                Case::Idea => (
                    textgen.document(&mut rng, spec.words, &topics[src]),
                    None,
                    (0, 0),
                ),
                Case::Paragraph => {
                    // Take one whole line (paragraph) of the source, put it inside our own body.
                    let lines: Vec<(usize, &str)> = line_offsets(&src_body);
                    let long: Vec<(usize, &str)> = lines
                        .iter()
                        .filter(|(_, l)| l.split(' ').count() >= 40)
                        // Not the plan passage many entries quote: that is template, not a copy.
                        .filter(|(_, l)| !plan_passage.contains(*l))
                        .copied()
                        .collect();
                    let pick = long
                        .get(rng.below(long.len()))
                        .or(lines.first())
                        .copied()
                        .unwrap_or((0, ""));
                    let para = pick.1.to_string();
                    let own = &bodies[i].1;
                    let at = own.find('\n').map_or(own.len(), |p| p + 1);
                    let body = format!("{}{}\n{}", &own[..at], para, &own[at..]);
                    let es = cover_text.len() + at;
                    (
                        body,
                        Some((es, es + para.len())),
                        (src_off + pick.0, src_off + pick.0 + para.len()),
                    )
                }
                Case::Clean | Case::TemplateOnly | Case::CorpusCopy => continue,
            };
            entries[i] = format!("{cover_text}{body}");
            planted.push(Planted {
                entry: i,
                source: PlantedSource::Entry(src),
                case,
                entry_span: entry_span.unwrap_or((cover_text.len(), entries[i].len())),
                source_span,
            });
        }
        SynthContest {
            entries,
            cases,
            corpus,
            planted,
            is_source,
        }
    }
}

fn line_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        out.push((at, line.trim_end_matches('\n')));
        at += line.len();
    }
    out
}

#[cfg(test)]
#[allow(unused_imports)]
mod tests {
    use super::*;

    #[test]
    fn generated_text_is_nfc_and_reproducible() {
        let g = TextGen::vietnamese(1);
        let a = g.document(&mut Rng::new(5), 200, &[]);
        assert_eq!(a, a.nfc().collect::<String>());
        assert_eq!(a, g.document(&mut Rng::new(5), 200, &[]));
        let words = a.split_whitespace().count();
        assert!((200..400).contains(&words), "{words}");
    }

    #[test]
    fn planted_spans_point_at_the_copied_text() {
        let g = TextGen::english(2);
        let c = SynthContest::generate(
            &g,
            SynthSpec {
                entries: 60,
                words: 300,
                corpus_models: 3,
                planted_share: 0.05,
                seed: 9,
            },
        );
        let para = c.planted.iter().find(|p| p.case == Case::Paragraph);
        let Some(p) = para else {
            panic!("no paragraph case planted")
        };
        let PlantedSource::Entry(s) = p.source else {
            panic!("paragraph from corpus")
        };
        assert_eq!(
            &c.entries[p.entry][p.entry_span.0..p.entry_span.1],
            &c.entries[s][p.source_span.0..p.source_span.1]
        );
        let v = c.planted.iter().find(|p| p.case == Case::Verbatim);
        let Some(v) = v else {
            panic!("no verbatim case")
        };
        let PlantedSource::Entry(s) = v.source else {
            panic!()
        };
        assert_eq!(
            &c.entries[v.entry][v.entry_span.0..v.entry_span.1],
            &c.entries[s][v.source_span.0..v.source_span.1]
        );
    }
}
