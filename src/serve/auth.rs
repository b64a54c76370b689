//! Who is asking: passwords (argon2id), session cookies, CSRF tokens and login throttling.
//!
//! A session is a random 256-bit token in an `HttpOnly; SameSite=Strict` cookie (`Secure`
//! when the server is reached over TLS); the database keeps only its SHA-256, so a copy of the
//! database opens no session. Each session has its own CSRF token, which every form carries
//! in a hidden field (and scripts in the `X-CSRF-Token` header); a POST without it is refused
//! before anything is read or written. The login form, which has no session yet, uses a
//! double-submit cookie instead.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "soloai_session";
/// Name of the login form's double-submit cookie.
pub const LOGIN_COOKIE: &str = "soloai_login";
/// A session idle this long (seconds) is gone: a working day.
pub const MAX_IDLE: i64 = 12 * 3600;
/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut buf = vec![0u8; n];
    // The OS random source failing means the machine cannot do anything safely.
    if getrandom::fill(&mut buf).is_err() {
        // Never hand out a predictable token: fall back to hashing time and address noise
        // would still be guessable, so fail closed with a token no cookie can match.
        return String::new();
    }
    hex(&buf)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database stores for a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compare two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.bytes()
        .zip(b.bytes())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// An argon2id PHC string for this password (about 50 ms: call it off the async threads).
pub fn hash_password(password: &str) -> Option<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .ok()
        .map(|h| h.to_string())
}

pub fn verify_password(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// A hash to verify against when the user does not exist, so a login for an unknown name
/// takes as long as one for a known name.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("soloai-no-such-user").unwrap_or_default())
}

/// A cookie's value from the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure over TLS; `max_age`
/// `Some(0)` deletes it.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<i64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// Failed logins slow down the next attempt for that user name and for that address: five
/// free tries per name (twenty per address: an office behind one router shares it), then a
/// wait that doubles with each failure, up to 15 minutes. A name or address with no failure
/// for 15 minutes starts again from zero, so last week's typos never lock anyone out today.
#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const FREE_TRIES: u32 = 5;
/// Free tries from one address, whatever the names: several people's typos behind one
/// router must not lock the office out.
const FREE_TRIES_PER_ADDRESS: u32 = 20;
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);

impl Throttle {
    /// The keys a login counts under, each with its free tries.
    fn keys(username: &str, ip: Option<IpAddr>) -> Vec<(String, u32)> {
        let mut keys = vec![(format!("u:{}", username.trim().to_lowercase()), FREE_TRIES)];
        if let Some(ip) = ip {
            keys.push((format!("ip:{ip}"), FREE_TRIES_PER_ADDRESS));
        }
        keys
    }

    fn wait_for(count: u32, free: u32) -> Duration {
        if count < free {
            return Duration::ZERO;
        }
        let secs = 1u64 << (count - free).min(10);
        Duration::from_secs(secs).min(MAX_WAIT)
    }

    /// How long the caller must still wait before trying again, if at all.
    pub fn check(&self, username: &str, ip: Option<IpAddr>) -> Option<Duration> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        Self::keys(username, ip)
            .iter()
            .filter_map(|(k, free)| map.get(k).map(|e| (e, *free)))
            .filter_map(|((count, last), free)| {
                let wait = Self::wait_for(*count, free);
                wait.checked_sub(last.elapsed()).filter(|d| !d.is_zero())
            })
            .max()
    }

    pub fn failed(&self, username: &str, ip: Option<IpAddr>) {
        self.failed_at(username, ip, Instant::now());
    }

    fn failed_at(&self, username: &str, ip: Option<IpAddr>, now: Instant) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory: forget entries idle longer than the longest wait.
        if map.len() > 10_000 {
            map.retain(|_, (_, last)| now.saturating_duration_since(*last) < MAX_WAIT);
        }
        for (k, _) in Self::keys(username, ip) {
            let e = map.entry(k).or_insert((0, now));
            // Quiet for the longest wait: this failure is the first of a new series.
            if now.saturating_duration_since(e.1) >= MAX_WAIT {
                e.0 = 0;
            }
            e.0 = e.0.saturating_add(1);
            e.1 = now;
        }
    }

    pub fn succeeded(&self, username: &str, ip: Option<IpAddr>) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // The name's count only: a valid account must not clear its address's failures
        // (that would let one account's owner guess others' passwords freely).
        map.remove(&Self::keys(username, ip)[0].0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_wrong_ones_do_not() {
        let h = hash_password("mật khẩu đủ dài").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("mật khẩu đủ dài", &h));
        assert!(!verify_password("mat khau du dai", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn throttle_lets_five_tries_through_then_waits() {
        let t = Throttle::default();
        let ip = Some("10.0.0.1".parse().unwrap());
        for _ in 0..FREE_TRIES {
            assert!(t.check("Admin", ip).is_none());
            t.failed("admin", ip);
        }
        assert!(t.check("ADMIN", None).is_some(), "same name, any address");
        assert!(
            t.check("other", ip).is_none(),
            "colleagues behind the same router still sign in"
        );
        assert!(t.check("other", None).is_none());
        t.succeeded("admin", ip);
        assert!(t.check("admin", None).is_none());
    }

    #[test]
    fn an_address_is_slowed_after_many_names_fail_and_old_failures_are_forgotten() {
        let t = Throttle::default();
        let ip = Some("10.0.0.2".parse().unwrap());
        let start = Instant::now();
        // Many names guessed from one address: the address is slowed at its own limit.
        for i in 0..FREE_TRIES_PER_ADDRESS {
            assert!(t.check(&format!("nguoi{i}"), ip).is_none(), "try {i}");
            t.failed_at(&format!("nguoi{i}"), ip, start);
        }
        assert!(t.check("nguoi-moi", ip).is_some());
        // A name that failed long ago starts again from zero: one typo today is free.
        let u = Throttle::default();
        for _ in 0..FREE_TRIES + 3 {
            u.failed_at("thuky", None, start);
        }
        let later = start + MAX_WAIT + Duration::from_secs(1);
        u.failed_at("thuky", None, later);
        let map = u.failures.lock().unwrap_or_else(|p| p.into_inner());
        assert_eq!(map.get("u:thuky").map(|e| e.0), Some(1));
    }

    #[test]
    fn cookies_are_read_strictly_and_written_strict() {
        let mut h = HeaderMap::new();
        h.insert("cookie", "a=1; soloai_session=abc123; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc123"));
        h.insert("cookie", "soloai_session=ab;c".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("ab"));
        let c = set_cookie(SESSION_COOKIE, "x", true, None);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("", ""));
    }
}
