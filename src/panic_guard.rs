//! A panic caught at a file boundary becomes that file's error: a bad file is a finding, not a
//! crash (ruff's habit). Such a panic is already reported where it belongs (the entry's error,
//! the index error), so the default hook's "thread … panicked at …" lines on stderr would only
//! alarm a council member. Inside [`catch`] they are silenced; everywhere else panics print as
//! usual, through whatever hook was installed before.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    static CATCHING: Cell<u32> = const { Cell::new(0) };
}

static QUIET_HOOK: Once = Once::new();

/// Run `f`; a panic inside it is returned as its message instead of unwinding further.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_values_pass_through() {
        assert_eq!(catch(|| 7), Ok(7));
        let err = catch(|| -> u8 { panic!("tệp hỏng") });
        assert_eq!(err, Err("tệp hỏng".to_string()));
        let err = catch(|| -> u8 { panic!("{}", String::from("chỉ mục")) });
        assert_eq!(err, Err("chỉ mục".to_string()));
    }
}
