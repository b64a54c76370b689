//! Stage 4: form and content rules, each with a code (FORM-FONT, COVER-PHONE, …).
