//! ATTACHMENTS — a video, picture or software entry has its Word summary; every file sent is
//! listed with its type and size.
//!
//! Lạng Sơn III.3.a and Hưng Yên II.3: "Bài thi được trình bày bằng hình thức bài viết (…) hoặc
//! hình thức video, kèm theo sản phẩm, phần mềm, hình ảnh,... (nếu có)" and "Đối với các bài dự
//! thi bằng hình thức video, hình ảnh, phần mềm đề nghị trích xuất nội dung, ý tưởng ra bản word
//! như bài thi đánh máy" (Hưng Yên: "như bài thi viết").
//!
//! What it checks: the entry's files (main document first, then attachments, each with its
//! kind — văn bản, video, hình ảnh, phần mềm — and size). With a written document read as the
//! main one → pass, listing the attachments so none goes unseen. A video, pictures or software
//! with no readable document → cannot tell, "cần bản tóm tắt Word": the council cannot screen
//! an idea it cannot read, and the plan asks for the Word text. This holds the verdict.
//!
//! Example: `E20/video-gioi-thieu.mp4` alone → cannot tell, "Chưa xác định: cần bản tóm tắt
//! Word. Bài dự thi bằng video, hình ảnh, phần mềm phải trích xuất nội dung, ý tưởng ra bản
//! Word; tệp đã gửi: video-gioi-thieu.mp4 (video, 12,4 MB)."

use serde_json::json;

use super::{ContestFacts, EntryFacts, EntryRule, FileKind, is_media, kind_label};
use crate::check::{CheckResult, Effect, Verdict};
use crate::lang::Lang;

pub struct Attachments;

const CODE: &str = "ATTACHMENTS";

/// 12_400_000 → "12,4 MB" (Vietnamese decimal comma) / "12.4 MB".
pub(crate) fn size(lang: Lang, bytes: u64) -> String {
    let (value, unit) = if bytes >= 1_000_000_000 {
        (bytes as f64 / 1e9, "GB")
    } else if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else if bytes >= 1_000 {
        (bytes as f64 / 1e3, "KB")
    } else {
        return format!("{bytes} B");
    };
    format!("{} {unit}", crate::vocab::decimal(value, 1, lang))
}

impl EntryRule for Attachments {
    fn code(&self) -> &'static str {
        CODE
    }

    fn title(&self, lang: Lang) -> &'static str {
        lang.words().rules.attachments.title
    }

    fn plan(&self) -> &'static str {
        "Lạng Sơn III.3.a, Hưng Yên II.3 \"hoặc hình thức video, kèm theo sản phẩm, phần mềm, hình ảnh,... (nếu có)\"; \"Đối với các bài dự thi bằng hình thức video, hình ảnh, phần mềm đề nghị trích xuất nội dung, ý tưởng ra bản word\""
    }

    fn effect(&self) -> Effect {
        Effect {
            flag: None,
            holds: true,
            ineligible: true,
        }
    }

    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult {
        let lang = contest.lang;
        let list = |files: &[&super::EntryFile]| {
            files
                .iter()
                .map(|f| {
                    let name = f.name.rsplit('/').next().unwrap_or(&f.name);
                    format!(
                        "{name} ({}, {})",
                        kind_label(f.kind, lang),
                        size(lang, f.bytes)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let data = json!({ "files": entry.files });
        let main: Vec<&super::EntryFile> = entry.files.iter().filter(|f| f.main).collect();
        let others: Vec<&super::EntryFile> = entry.files.iter().filter(|f| !f.main).collect();
        let media: Vec<&super::EntryFile> =
            entry.files.iter().filter(|f| is_media(f.kind)).collect();
        let has_document = entry.doc.is_some()
            && main
                .iter()
                .all(|f| f.kind == FileKind::Document || f.kind == FileKind::Other);
        if !has_document && !media.is_empty() {
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.attachments.summary_needed)(&list(
                    &entry.files.iter().collect::<Vec<_>>(),
                )),
                data,
            );
        }
        if entry.doc.is_none() {
            // An unreadable document: the read error is the finding; list what was sent.
            return CheckResult::new(
                CODE,
                Verdict::CannotTell,
                (lang.words().rules.attachments.main_unreadable)(&list(
                    &entry.files.iter().collect::<Vec<_>>(),
                )),
                data,
            );
        }
        let main_text = if main.is_empty() {
            String::new()
        } else {
            (lang.words().rules.attachments.main)(&list(&main))
        };
        let evidence = if others.is_empty() {
            (lang.words().rules.attachments.no_attachments)(&main_text)
        } else {
            let summary = if media.is_empty() {
                String::new()
            } else {
                lang.words().rules.attachments.word_screened.to_string()
            };
            (lang.words().rules.attachments.attached)(
                &main_text,
                others.len(),
                &list(&others),
                &summary,
            )
        };
        CheckResult::new(CODE, Verdict::Pass, evidence, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::eligibility::EntryFile;
    use crate::check::eligibility::testing::Fixture;

    fn file(name: &str, bytes: u64, main: bool) -> EntryFile {
        EntryFile {
            name: name.into(),
            kind: FileKind::of(std::path::Path::new(name)),
            bytes,
            main,
        }
    }

    #[test]
    fn video_alone_cannot_tell_video_with_summary_passes() {
        let mut f = Fixture::new("hung-yen-2024");
        f.doc = None;
        f.files = vec![file("E20/video.mp4", 12_400_000, true)];
        let r = f.run(&Attachments);
        assert_eq!(r.verdict, Verdict::CannotTell);
        assert!(
            r.evidence
                .starts_with("Chưa xác định: cần bản tóm tắt Word"),
            "{}",
            r.evidence
        );
        assert!(
            r.evidence.contains("video.mp4 (video, 12,4 MB)"),
            "{}",
            r.evidence
        );
        assert!(Attachments.effect().holds);

        f.doc = Some(crate::model::Extracted::default());
        f.files = vec![
            file("E21/tom-tat.docx", 48_000, true),
            file("E21/video.mp4", 12_400_000, false),
            file("E21/anh-1.jpg", 900, false),
        ];
        let r = f.run(&Attachments);
        assert_eq!(r.verdict, Verdict::Pass, "{}", r.evidence);
        assert!(
            r.evidence.contains("tom-tat.docx (văn bản, 48,0 KB)"),
            "{}",
            r.evidence
        );
        assert!(
            r.evidence.contains("anh-1.jpg (hình ảnh, 900 B)"),
            "{}",
            r.evidence
        );
        assert_eq!(r.data["files"].as_array().map(Vec::len), Some(3));
    }
}
