//! Hostile web pages on the way to the article extractor: nesting a hundred thousand levels
//! deep, a 50 MB page, an article longer than a megabyte of Arabic. Each is read (its article,
//! or the whole page with a notice), never a crash, a stack overflow or a hang.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

/// A paragraph of Arabic prose.
const P: &str = "<p>يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، \
                 وعلى رأسها المغرب بصفته حليفا رئيسيا من خارج الحلف.</p>";

/// `qari --list text` of a page holding `html`.
fn list_text(html: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--list", "text", page.to_str().unwrap()])
        .output()
        .unwrap()
}

/// An article page: a title, `body`, and a last paragraph saying `END-OF-ARTICLE`.
fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=ar><head><title>مقال</title></head><body><article>\
         <h1>عنوان المقال</h1>{body}<p>خاتمة المقال END-OF-ARTICLE</p></article></body></html>"
    )
}

/// Asserts `out` succeeded and printed the article's last paragraph.
fn read_to_the_end(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.contains("خاتمة المقال END-OF-ARTICLE"), "{what}");
    assert!(text.contains("يستمر حلف شمال الأطلسي"), "{what}");
}

#[test]
fn nesting_a_hundred_thousand_levels_deep_is_read() {
    let n = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<table><tr><td>", "</td></tr></table>"),
    ] {
        let html = page(&format!(
            "{}{}{}",
            P.repeat(4),
            open.repeat(n),
            close.repeat(n)
        ));
        read_to_the_end(&list_text(&html), open);
    }
}

#[test]
fn a_50_mb_page_is_read_whole_with_a_notice() {
    let body = P.repeat(50_000_000 / P.len());
    let out = list_text(&page(&body));
    read_to_the_end(&out, "50 MB");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "qari: this page is too large to find its article in: showing all its text\n"
    );
}

#[test]
fn an_article_of_more_than_a_megabyte_of_arabic_is_read_whole() {
    // The extractor cuts its text at a byte count unless told not to: inside a letter.
    let body = P.repeat(1_200_000 / P.len());
    let out = list_text(&page(&body));
    read_to_the_end(&out, "1.2 MB article");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("يستمر حلف شمال الأطلسي").count(),
        1_200_000 / P.len()
    );
    assert!(out.stderr.is_empty());
}
