//! A web page is read as its article: the site around it (menus, cookie notice, share
//! buttons, related posts, comments, sidebar, footer) is left out, the structure of the
//! article kept, and the page's title, byline, date, site and language become metadata. A
//! page without an article, or too large or deep to search, is read whole with a notice.
#![allow(clippy::unwrap_used)]

#[path = "common/cli.rs"]
mod cli;
#[path = "common/html_pages.rs"]
mod html_pages;

use cli::qari;
use html_pages::PAGES;
use qari::app::App;
use qari::format::{self, Format};
use qari::layout::LayoutOptions;
use std::process::Command;

/// A fixture's path.
fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// What the site around the article says, on the two fixture pages: none of it may show.
const BOILERPLATE: &[&str] = &[
    // news.html: cookie notice, menu, share buttons, related articles, comment form, footer.
    "ملفات تعريف الارتباط",
    "الرئيسية",
    "علوم وتكنولوجيا",
    "شارك على فيسبوك",
    "مقالات ذات صلة",
    "قمة الناتو المقبلة",
    "أضف تعليقك",
    "إرسال التعليق",
    "جميع الحقوق محفوظة",
    "اتصل بنا",
    // blog.html: menu, share buttons, related posts, comments, sidebar widgets, footer.
    "عن المدونة",
    "شارك هذا",
    "شفشاون المدينة الزرقاء",
    "مقال رائع",
    "اترك تعليقاً",
    "أحدث التدوينات",
    "الأرشيف",
    "ووردبريس",
];

/// Fails on any of the site's strings in `text`.
fn assert_no_boilerplate(text: &str) {
    for b in BOILERPLATE {
        assert!(
            !text.contains(b),
            "{b:?} is the site's, not the article's:\n{text}"
        );
    }
}

/// The non-empty lines of `text`.
fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn each_fixture_page_is_read_as_its_article_without_its_chrome() {
    for page in PAGES {
        let text = qari(&["--list", "text", &page.path()]);
        let sections = qari(&["--list", "sections", "--json", &page.path()]);
        let sections: serde_json::Value = serde_json::from_str(&sections).unwrap();
        let outline: Vec<&str> = sections["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap())
            .collect();
        // The article's title first, then its headings; none of the site's.
        assert_eq!(outline, page.outline, "{}", page.file);
        let l = lines(&text);
        assert_eq!(l[0], format!("# {}", page.outline[0]), "{}", page.file);
        let first = text.find(page.first);
        assert!(
            first.is_some(),
            "{}: first sentence missing:\n{text}",
            page.file
        );
        let last = text.find(page.last);
        assert!(
            last.is_some(),
            "{}: last sentence missing:\n{text}",
            page.file
        );
        assert!(first < last, "{}", page.file);
        // The article starts with its first sentence, right under the title.
        assert!(
            l[1].starts_with(page.first) || l[2].starts_with(page.first),
            "{}: {text}",
            page.file
        );
        for c in page
            .chrome
            .iter()
            .chain(page.chrome_headings)
            .chain(page.never)
        {
            assert!(!text.contains(c), "{}: {c:?} shown:\n{text}", page.file);
        }
    }
}

#[test]
fn a_news_page_is_read_as_its_article() {
    let text = qari(&["--list", "text", &fixture("news.html")]);
    let l = lines(&text);
    // The title is the article's whole h1: the page's <title> less " - CNN Arabic", which
    // the extractor alone would also cut at its colon.
    assert_eq!(l[0], "# الناتو والمغرب: شراكة لمكافحة الإرهاب");
    assert_eq!(
        l[1],
        "يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى رأسها \
         المغرب بصفته حليفا رئيسيا من خارج الحلف، من أجل مكافحة الإرهاب في المنطقة."
    );
    assert_eq!(
        l.last().copied(),
        Some(
            "ويرى محللون أن الفترة المقبلة قد تشهد تدخلا مباشرا من قبل الحلف في بعض الأزمات \
             المثارة داخل القارة الأفريقية، وهو ما يعزز مكانة الرباط شريكا موثوقا."
        )
    );
    // Its structure: a list of three items and a quote.
    assert_eq!(l.iter().filter(|l| l.starts_with("• ")).count(), 3);
    assert!(l.iter().any(|l| l.starts_with("> إن الشراكة مع المغرب")));
    // The title is said once, as the title, not again as the article's own heading.
    assert_eq!(text.matches("شراكة لمكافحة الإرهاب").count(), 1);
    assert_no_boilerplate(&text);
    let sections = qari(&["--list", "sections", &fixture("news.html")]);
    assert_eq!(
        sections,
        "1  الناتو والمغرب: شراكة لمكافحة الإرهاب\n7    تعاون أمني متزايد\n"
    );
}

#[test]
fn a_blog_post_keeps_its_list_and_table_and_loses_its_sidebar() {
    let text = qari(&["--list", "text", &fixture("blog.html")]);
    let l = lines(&text);
    // og:title less " | مدونة المسافر".
    assert_eq!(l[0], "# رحلة إلى فاس القديمة");
    assert!(l[1].starts_with("وصلنا إلى فاس في صباح ربيعي مشمس"));
    assert_eq!(
        l.last().copied(),
        Some(
            "وفي المساء جلسنا في مقهى مطل على المدينة نشرب الشاي بالنعناع ونراقب الشمس وهي تغيب \
             خلف المآذن."
        )
    );
    assert!(l.contains(&"2. دار الدباغة شوارة وألوانها الزاهية."));
    assert!(l.contains(&"| مرشد سياحي لنصف يوم | 250 |"), "{text}");
    assert_no_boilerplate(&text);
    let sections = qari(&["--list", "sections", &fixture("blog.html")]);
    assert_eq!(
        sections,
        " 1  رحلة إلى فاس القديمة\n 7    ماذا تزور في يومك الأول\n13    أسعار تقريبية\n"
    );
}

#[test]
fn metadata_lists_title_byline_date_site_and_language() {
    let json = qari(&["--list", "metadata", "--json", &fixture("blog.html")]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pairs: Vec<(&str, &str)> = v["metadata"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["key"].as_str().unwrap(), e["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("title", "رحلة إلى فاس القديمة"),
            ("author", "يوسف بنعلي"),
            ("date", "2025-04-03"),
            ("site", "مدونة المسافر"),
            ("language", "ar"),
        ]
    );
    // From <meta> tags rather than JSON-LD, as text lines.
    let text = qari(&["--list", "metadata", &fixture("news.html")]);
    assert_eq!(
        text,
        "title\tالناتو والمغرب: شراكة لمكافحة الإرهاب\nauthor\tسارة الأحمد\ndate\t2026-11-20\n\
         site\tCNN Arabic\nlanguage\tar\n"
    );
}

#[test]
fn metadata_from_the_page_is_escaped_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    let body = "<p>نص المقال الطويل الذي يتكرر ليكون مقالا حقيقيا في الصفحة.</p>".repeat(12);
    std::fs::write(
        &page,
        format!(
            "<html lang=ar><head><meta property=og:site_name content='site\u{1b}[31m\u{202e}X'>\
             <meta name=author content='Ali\u{1b}[31m Omar'></head><body><article>\
             <h1>عنوان\u{7} الخبر</h1>{body}</article>"
        ),
    )
    .unwrap();
    let json = qari(&["--list", "metadata", "--json", page.to_str().unwrap()]);
    assert_eq!(
        json,
        "{\"metadata\":[{\"key\":\"title\",\"value\":\"عنوان\\u0007 الخبر\"},\
         {\"key\":\"author\",\"value\":\"Ali\\u001b[31m Omar\"},\
         {\"key\":\"site\",\"value\":\"site\\u001b[31m\\u202eX\"},\
         {\"key\":\"language\",\"value\":\"ar\"}]}\n"
    );
    // As text lines: controls as the symbols the reader draws, the override left out.
    let text = qari(&["--list", "metadata", page.to_str().unwrap()]);
    assert_eq!(
        text,
        "title\tعنوان\u{2407} الخبر\nauthor\tAli\u{241b}[31m Omar\nsite\tsite\u{241b}[31mX\n\
         language\tar\n"
    );
}

#[test]
fn whole_shows_the_site_around_the_article() {
    let text = qari(&["--whole", "--list", "text", &fixture("news.html")]);
    assert!(text.contains("علوم وتكنولوجيا"), "the menu: {text}");
    assert!(text.contains("يستمر حلف شمال الأطلسي"));
}

#[test]
fn a_page_without_an_article_is_read_whole_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("menu.html");
    let items: String = (0..40)
        .map(|i| format!("<li><a href='/s{i}'>القسم رقم {i} من أقسام الموقع</a></li>"))
        .collect();
    std::fs::write(
        &page,
        format!("<!DOCTYPE html><html><body><nav><ul>{items}</ul></nav></body></html>"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["--list", "text", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("القسم رقم 39 من أقسام الموقع"), "{text}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "qari: no article found in this page: showing all its text\n"
    );
}

#[test]
fn the_info_overlay_says_who_wrote_the_page_and_when() {
    let html = std::fs::read_to_string(fixture("news.html")).unwrap();
    let doc = format::read(html, "news.html", Format::Html);
    let app = App::new(doc, LayoutOptions::default());
    let facts = app.facts();
    let get = |k: &str| facts.iter().find(|(l, _)| *l == k).map(|(_, v)| v.as_str());
    assert_eq!(get("title"), Some("الناتو والمغرب: شراكة لمكافحة الإرهاب"));
    assert_eq!(get("author"), Some("سارة الأحمد"));
    assert_eq!(get("date"), Some("2026-11-20"));
    assert_eq!(get("site"), Some("CNN Arabic"));
    assert_eq!(get("language"), Some("ar"));
}

/// A page of the article `paragraphs` (none: no article shown), declaring in its JSON-LD
/// `declared` as the article's body (and an author).
fn page_declaring(paragraphs: &[&str], declared: &str) -> String {
    let ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "الناتو والمغرب",
        "author": {"@type": "Person", "name": "سارة الأحمد"},
        "articleBody": declared,
    });
    let ps: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!DOCTYPE html><html lang=ar><head><title>الناتو والمغرب</title>\
         <script type=\"application/ld+json\">{}</script></head><body>\
         <nav><a href=/>الرئيسية</a> <a href=/p>سياسة</a></nav>{}</body></html>",
        ld.to_string().replace("</", "<\\/"),
        if ps.is_empty() {
            String::new()
        } else {
            format!("<article><h1>الناتو والمغرب</h1>{ps}</article>")
        }
    )
}

#[test]
fn the_article_shown_is_read_rather_than_the_copy_declared_for_search_engines() {
    let shown = [
        "يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول في المنطقة.",
        "وقال مسؤول في الحلف إن التعاون الأمني مع المغرب يشمل تبادل المعلومات والتدريب المشترك.",
        "ويرى محللون أن الفترة المقبلة قد تشهد تعاونا أوسع في مجال مكافحة الإرهاب.",
    ];
    // The declared copy: the article run together four times, as some sites' templates do,
    // with a "</script>" in its text.
    let declared = format!("{} </script>", shown.join(" ").repeat(4));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    std::fs::write(&page, page_declaring(&shown, &declared)).unwrap();
    let text = qari(&["--list", "text", page.to_str().unwrap()]);
    // Each paragraph once, as its own paragraph.
    let l = lines(&text);
    assert_eq!(l[1..], shown, "{text}");
    // The rest of the declared facts is still read.
    let meta = qari(&["--list", "metadata", page.to_str().unwrap()]);
    assert!(meta.contains("author\tسارة الأحمد"), "{meta}");
}

#[test]
fn a_page_showing_no_article_is_read_from_its_declared_copy() {
    let declared = [
        "يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول في المنطقة.",
        "وقال مسؤول في الحلف إن التعاون الأمني مع المغرب يشمل تبادل المعلومات والتدريب المشترك.",
        "ويرى محللون أن الفترة المقبلة قد تشهد تعاونا أوسع في مجال مكافحة الإرهاب.",
    ]
    .join("\n")
    .repeat(3);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    std::fs::write(&page, page_declaring(&[], &declared)).unwrap();
    let text = qari(&["--list", "text", page.to_str().unwrap()]);
    assert!(text.contains("تبادل المعلومات والتدريب المشترك"), "{text}");
    assert!(!text.contains("سياسة"), "{text}");
}

#[test]
fn a_short_article_is_read_alone_without_the_sites_side_text() {
    // A blog template: a text widget in the side column, then the post (a byline and three
    // paragraphs) and an empty comment form. An extractor that merges the page's best blocks
    // when the article looks short takes in the widget and runs the paragraphs together.
    let paragraphs = [
        "أعلن وزير الزراعة اليوم عن خطة وطنية شاملة لمواجهة موجة الجفاف التي تضرب البلاد منذ \
         ثلاث سنوات، وقال إن الخطة تشمل حفر مئة بئر جديدة في المناطق الأكثر تضررا.",
        "وأضاف أن الحكومة خصصت مبلغا إضافيا لدعم مربي المواشي الذين فقدوا جزءا كبيرا من قطعانهم \
         بسبب نقص الأعلاف في الموسم الماضي.",
        "ومن المنتظر أن يناقش البرلمان تفاصيل الخطة خلال جلسته المقبلة بحضور ممثلين عن اتحاد \
         المزارعين.",
    ];
    let widget = "عن الموقع: موقع إخباري مستقل يغطي شؤون الزراعة والبيئة والمياه في العالم \
        العربي منذ عام ألفين وخمسة، ويعمل فيه فريق من المحررين والمراسلين في عشر دول. نرحب \
        بمساهمات القراء من مقالات وصور وتقارير ميدانية، ونلتزم بنشر ما يستوفي شروط النشر خلال \
        أسبوع من استلامه عبر البريد. للإعلان على صفحات الموقع أو في نشرته الأسبوعية يرجى \
        التواصل مع قسم التسويق الذي يقدم باقات مخصصة للمؤسسات والشركات الصغيرة.";
    let ps: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html lang=ar><body><div><div><div><ul><li>\
             <div class=textwidget><p>{widget}</p></div></li></ul></div>\
             <div><div><div><div>نشر في 30 مارس 2015 بواسطة المحرر</div>\
             <div class=entry>{ps}</div></div></div></div>\
             <div><h3>اترك تعليقا</h3></div></div></div></body></html>"
        ),
    )
    .unwrap();
    let text = qari(&["--list", "text", page.to_str().unwrap()]);
    assert!(!text.contains("عن الموقع"), "{text}");
    for p in paragraphs {
        assert!(
            lines(&text).contains(&p),
            "{p:?} is not a paragraph of:\n{text}"
        );
    }
}

#[test]
fn the_article_keeps_the_direction_and_the_images_of_its_page() {
    let para = "يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى \
                رأسها المغرب بصفته حليفا رئيسيا من خارج الحلف.";
    let html = format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>دليل قارئ</title></head>\
         <body><nav><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/docs\">التوثيق</a>\
         </li></ul></nav><article><h1>تثبيت قارئ على جهازك</h1><p>{para}</p>\
         <p dir=\"ltr\">قارئ (qari) is a terminal reader for Arabic, written in Rust.</p>\
         <pre dir=\"ltr\"># تثبيت البرنامج\n# ثم تشغيله على مقال\ncargo install qari</pre>\
         <p>{para}<img src=\"x.png\" alt=\"لقطة  من الطرفية\">{para}</p><p>{para}</p></article>\
         <footer>جميع الحقوق محفوظة</footer></body></html>"
    );
    for format in [Format::Html, Format::HtmlWhole] {
        let doc = format::read(html.clone(), "guide.html", format);
        let blocks = doc.blocks.as_ref().unwrap();
        let block = |start: &str| {
            let b = blocks.blocks.iter().find(|b| {
                doc.text
                    .get(b.range.clone())
                    .is_some_and(|t| t.starts_with(start))
            });
            b.unwrap_or_else(|| panic!("{format:?}: no block starts {start:?}:\n{}", doc.text))
        };
        // Left to right as the page says, though their first letters are Arabic.
        assert_eq!(block("قارئ (qari)").rtl, Some(false), "{format:?}");
        assert_eq!(block("# تثبيت البرنامج").rtl, Some(false), "{format:?}");
        assert_eq!(block("يستمر").rtl, Some(true), "{format:?}");
        // The image between two sentences shows its alt text, a word of its own.
        let alt = format!("{para} [لقطة من الطرفية] {para}");
        assert!(doc.text.contains(&alt), "{format:?}:\n{}", doc.text);
        let chrome = doc.text.contains("الرئيسية") || doc.text.contains("جميع الحقوق");
        assert_eq!(
            chrome,
            format == Format::HtmlWhole,
            "{format:?}:\n{}",
            doc.text
        );
    }
}

#[test]
fn hidden_text_never_shows_and_text_opened_by_search_does() {
    let para = "يستمر حلف شمال الأطلسي في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى \
                رأسها المغرب بصفته حليفا رئيسيا من خارج الحلف.";
    let html = format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>خبر</title></head><body>\
         <article><h1>الناتو والمغرب</h1><p>{para}</p>\
         <p hidden>مخفي أول</p><div aria-hidden=\"true\">مخفي ثان</div>\
         <p>{para}<span style=\"display: none !important\">مخفي ثالث</span></p>\
         <p style=\"visibility: collapse\">مخفي رابع</p><template><p>مخفي خامس</p></template>\
         <noscript><p>مخفي سادس: فعّل جافاسكربت</p></noscript><input type=hidden value=\"مخفي سابع\">\
         <p hidden=\"until-found\">فقرة مطوية يفتحها المتصفح حين يبحث القارئ عن كلمة فيها.</p>\
         <p>{para}</p></article></body></html>"
    );
    for format in [Format::Html, Format::HtmlWhole] {
        let doc = format::read(html.clone(), "news.html", format);
        assert!(!doc.text.contains("مخفي"), "{format:?}:\n{}", doc.text);
        assert!(
            doc.text.contains("فقرة مطوية يفتحها المتصفح"),
            "{format:?}:\n{}",
            doc.text
        );
        assert_eq!(doc.text.matches(para).count(), 3, "{format:?}");
    }
}
