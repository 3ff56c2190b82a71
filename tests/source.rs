//! Reading and decoding input: encodings, hostile fixtures, and each way opening a file can fail.

use qari::source::{Input, LoadError, LoadOptions, Source, decode, load};
use std::path::{Path, PathBuf};

const AR: &str =
    "حلف شمال الأطلسي يستمر في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى رأسها المغرب.";
const AR2: &str = "قال المتحدث إن الشراكة تقوم على الثقة والتعاون في مجالات الأمن والدفاع والتدريب.";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

fn open(name: &str) -> Source {
    load(&Input::Path(fixture(name)), &LoadOptions::default()).expect(name)
}

fn open_err(path: &Path, opts: &LoadOptions) -> LoadError {
    match load(&Input::Path(path.to_path_buf()), opts) {
        Ok(s) => panic!("{} opened: {:?}", path.display(), s.notices),
        Err(e) => e,
    }
}

/// A fresh scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("source-tests")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn has_notice(s: &Source, needle: &str) -> bool {
    s.notices.iter().any(|n| n.contains(needle))
}

#[test]
fn embedded_article_is_utf8_without_notices() {
    let s = load(&Input::Embedded, &LoadOptions::default()).expect("embedded");
    assert_eq!(s.encoding, "UTF-8");
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    assert!(s.text.contains("الناتو"));
}

#[test]
fn plain_utf8_is_kept_as_is() {
    let s = decode(format!("{AR}\n").into_bytes(), "a.txt");
    assert_eq!(s.text, format!("{AR}\n"));
    assert_eq!((s.encoding, s.name.as_str()), ("UTF-8", "a.txt"));
    assert!(s.notices.is_empty());
}

#[test]
fn utf8_bom_is_dropped() {
    let s = open("utf8_bom.txt");
    assert_eq!(s.text, format!("{AR}\n"));
    assert_eq!(s.encoding, "UTF-8");
    assert!(s.notices.is_empty());
}

#[test]
fn utf16_with_bom() {
    let s = open("utf16le_bom.txt");
    assert_eq!(s.text, format!("{AR}\n{AR2}\n"));
    assert_eq!(s.encoding, "UTF-16LE");
    assert!(s.notices.is_empty(), "{:?}", s.notices);
}

#[test]
fn utf16_lone_surrogates_become_replacement_characters() {
    for (file, enc) in [
        ("utf16le_lone_surrogates.txt", "UTF-16LE"),
        ("utf16be_lone_surrogates.txt", "UTF-16BE"),
    ] {
        let s = open(file);
        assert_eq!(s.encoding, enc);
        assert_eq!(
            s.text,
            format!("{AR}\nكلمة \u{FFFD} وسط \u{FFFD}\n{AR2}\n"),
            "{file}"
        );
        assert_eq!(
            s.notices,
            [format!("some bytes were not valid {enc} and show as �")]
        );
    }
}

#[test]
fn utf16_odd_length_ends_in_a_replacement_character() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("نص".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.push(0x41);
    let s = decode(bytes, "odd");
    assert_eq!(s.text, "نص\u{FFFD}");
    assert!(has_notice(&s, "not valid UTF-16LE"));
}

#[test]
fn windows_1256_and_iso_8859_6_fixtures_are_detected() {
    for (file, enc) in [
        ("windows-1256.txt", "windows-1256"),
        ("iso-8859-6.txt", "ISO-8859-6"),
    ] {
        let s = open(file);
        assert_eq!(s.encoding, enc, "{file}");
        assert_eq!(s.text, format!("{AR}\n{AR2}\n"), "{file}");
        assert_eq!(
            s.notices,
            [format!(
                "decoded as {enc} (a guess; choose another with --encoding)"
            )]
        );
    }
}

/// Real Arabic prose (the embedded article, paragraph by paragraph) encoded by encoding_rs in
/// each legacy encoding comes back whole, so detection tells the two apart on real text.
#[test]
fn legacy_arabic_encodings_are_told_apart_on_real_text() {
    for enc in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
        let mut tried = 0;
        for para in qari::source::EMBEDDED_ARTICLE
            .lines()
            .filter(|l| l.chars().count() > 40)
        {
            let (bytes, _, unmappable) = enc.encode(para);
            if unmappable {
                continue;
            }
            tried += 1;
            let s = decode(bytes.into_owned(), "legacy");
            assert_eq!(s.encoding, enc.name(), "{para}");
            assert_eq!(s.text, para);
        }
        assert!(
            tried >= 3,
            "{} paragraphs of the article encode in {}",
            tried,
            enc.name()
        );
    }
}

#[test]
fn short_legacy_text_is_detected() {
    for enc in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
        let (bytes, _, _) = enc.encode("مرحبا بالعالم");
        let s = decode(bytes.into_owned(), "short");
        assert_eq!((s.encoding, s.text.as_str()), (enc.name(), "مرحبا بالعالم"));
    }
}

#[test]
fn damaged_utf8_stays_utf8() {
    let s = open("utf8_truncated.txt");
    assert_eq!(s.encoding, "UTF-8");
    assert!(s.text.starts_with(&format!("{AR}\n")));
    assert!(s.text.ends_with('\u{FFFD}'));
    assert_eq!(s.notices, ["some bytes were not valid UTF-8 and show as �"]);

    let s = open("utf8_stray_byte.txt");
    assert_eq!(s.encoding, "UTF-8");
    assert_eq!(s.text, format!("{AR} \u{FFFD} {AR2}\n"));
}

#[test]
fn latin1_text_is_not_mistaken_for_utf8() {
    let s = decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e\n".to_vec(), "fr");
    assert_eq!(s.text, "café crème brûlée\n");
}

#[test]
fn encoding_option_overrides_detection() {
    let opts = LoadOptions {
        encoding: Some("cp1256".into()),
        ..LoadOptions::default()
    };
    let s = load(&Input::Path(fixture("iso-8859-6.txt")), &opts).expect("forced");
    assert_eq!(s.encoding, "windows-1256");
    assert_ne!(
        s.text,
        format!("{AR}\n{AR2}\n"),
        "ISO-8859-6 bytes read as windows-1256 differ"
    );
    assert!(!has_notice(&s, "a guess"));

    let opts = LoadOptions {
        encoding: Some("ISO-8859-6".into()),
        ..LoadOptions::default()
    };
    let s = load(&Input::Path(fixture("iso-8859-6.txt")), &opts).expect("forced");
    assert_eq!(
        (s.encoding, s.text.as_str()),
        ("ISO-8859-6", format!("{AR}\n{AR2}\n").as_str())
    );
    assert!(s.notices.is_empty());

    // A forced UTF-8 drops its own byte order mark and replaces bad bytes.
    let opts = LoadOptions {
        encoding: Some("utf-8".into()),
        ..LoadOptions::default()
    };
    let s = load(&Input::Path(fixture("windows-1256.txt")), &opts).expect("forced");
    assert_eq!(s.encoding, "UTF-8");
    assert!(s.text.contains('\u{FFFD}'));
    assert!(has_notice(&s, "not valid UTF-8"));
    let s = load(&Input::Path(fixture("utf8_bom.txt")), &opts).expect("forced");
    assert_eq!(s.text, format!("{AR}\n"));
}

#[test]
fn utf16_without_bom_needs_its_name() {
    let dir = scratch("utf16_nobom");
    let path = dir.join("nobom.txt");
    std::fs::write(
        &path,
        format!("{AR} (NATO)\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    assert_eq!(
        open_err(&path, &LoadOptions::default()).exit_code(),
        2,
        "NUL bytes look binary"
    );
    let opts = LoadOptions {
        encoding: Some("utf-16le".into()),
        ..LoadOptions::default()
    };
    let s = load(&Input::Path(path), &opts).expect("named UTF-16");
    assert_eq!(
        (s.encoding, s.text.as_str()),
        ("UTF-16LE", format!("{AR} (NATO)\n").as_str())
    );
}

#[test]
fn unknown_encoding_is_a_plain_error() {
    for name in ["klingon", "replacement", "", "utf-8\u{1b}[2J"] {
        let opts = LoadOptions {
            encoding: Some(name.into()),
            ..LoadOptions::default()
        };
        let err = load(&Input::Embedded, &opts).expect_err(name);
        assert_eq!(err.exit_code(), 2);
        let msg = err.to_string();
        assert!(msg.starts_with("qari: unknown encoding "), "{msg}");
        assert!(!msg.contains('\u{1b}'), "{msg}");
    }
    let err = load(
        &Input::Embedded,
        &LoadOptions {
            encoding: Some("klingon".into()),
            ..LoadOptions::default()
        },
    )
    .expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "qari: unknown encoding klingon; try UTF-8, UTF-16LE, windows-1256 or ISO-8859-6"
    );
}

#[test]
fn escapes_are_kept_with_a_notice() {
    let s = open("escapes.txt");
    assert_eq!(s.encoding, "UTF-8");
    assert!(s.text.contains("\u{1b}]52;c;"));
    assert!(s.text.contains("\u{1b}]0;pwned title\u{7}"));
    assert!(s.text.contains("\u{9b}31m"));
    // ESC ×8 (four CSI, OSC 0, OSC 52, DCS and its ST), BEL ×2, the 8-bit CSI.
    assert!(has_notice(&s, "11 control characters"), "{:?}", s.notices);
}

#[test]
fn c0_c1_and_del_are_text_not_binary() {
    let s = open("controls.txt");
    assert_eq!(s.encoding, "UTF-8");
    // 28 C0 controls (all but NUL, tab, LF, CR), DEL, 32 C1 controls.
    assert!(has_notice(&s, "61 control characters"), "{:?}", s.notices);
    assert!(s.text.contains("حذف\u{7f}حذف"));
}

#[test]
fn bidi_overrides_and_isolates_get_a_notice() {
    let s = open("bidi.txt");
    let count = s
        .text
        .chars()
        .filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .count();
    assert!(count >= 20);
    assert!(
        has_notice(&s, &format!("{count} bidi embedding, override or isolate")),
        "{:?}",
        s.notices
    );
    assert!(!has_notice(&s, "control characters"));
}

#[test]
fn zero_width_characters_and_marks_are_kept_quietly() {
    let s = open("zero_width.txt");
    assert!(s.text.contains("ال\u{200b}كتاب") && s.text.contains("\u{feff}بداية"));
    // LRM, RLM and ALM are ordinary in Arabic text: no warning for them.
    assert!(s.notices.is_empty(), "{:?}", s.notices);
}

#[test]
fn plain_hostile_text_fixtures_decode_unchanged() {
    for file in [
        "long_word.txt",
        "cr.txt",
        "crlf.txt",
        "tabs.txt",
        "emoji_cjk.txt",
        "combining.txt",
    ] {
        let s = open(file);
        let raw = std::fs::read_to_string(fixture(file)).expect(file);
        assert_eq!(s.text, raw, "{file}");
        assert_eq!(s.encoding, "UTF-8");
        assert!(s.notices.is_empty(), "{file}: {:?}", s.notices);
    }
    assert_eq!(
        open("long_word.txt")
            .text
            .chars()
            .filter(|&c| c == 'ب')
            .count(),
        10_000
    );
    assert_eq!(open("cr.txt").text.matches('\r').count(), 2);
}

#[test]
fn binary_files_are_refused_unless_forced() {
    for file in ["binary.png", "controls_only.bin"] {
        let err = open_err(&fixture(file), &LoadOptions::default());
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            format!(
                "qari: {} looks like a binary file; use --force to open it anyway",
                fixture(file).display()
            )
        );
        let s = load(
            &Input::Path(fixture(file)),
            &LoadOptions {
                force: true,
                ..LoadOptions::default()
            },
        )
        .expect("forced binary");
        assert!(!s.text.is_empty());
    }
}

#[test]
fn a_nul_after_the_first_8_kib_does_not_make_a_file_binary() {
    let dir = scratch("late_nul");
    let path = dir.join("late.txt");
    let mut bytes = format!("{AR}\n").repeat(200).into_bytes();
    assert!(bytes.len() > 8 * 1024);
    bytes.push(0);
    std::fs::write(&path, &bytes).expect("write");
    let s = load(&Input::Path(path), &LoadOptions::default()).expect("text with a late NUL");
    assert!(s.text.ends_with('\0'));
    assert!(has_notice(&s, "1 control characters"));
}

#[test]
fn empty_and_blank_files_open_as_documents() {
    let s = open("empty.txt");
    assert_eq!(s.text, "");
    assert_eq!(s.notices, ["the file is empty"]);
    let s = open("whitespace.txt");
    assert_eq!(s.notices, ["the text holds only white space"]);
}

#[test]
fn directories_and_missing_files_are_plain_errors() {
    let dir = scratch("dir");
    let err = open_err(&dir, &LoadOptions::default());
    assert_eq!(
        err.to_string(),
        format!("qari: {} is a directory, not a text file", dir.display())
    );
    assert_eq!(err.exit_code(), 2);

    let missing = dir.join("nope.txt");
    let err = open_err(&missing, &LoadOptions::default());
    assert_eq!(
        err.to_string(),
        format!("qari: cannot read {}: no such file", missing.display())
    );
    assert_eq!(err.exit_code(), 2);

    let under_file = fixture("cr.txt").join("x");
    let err = open_err(&under_file, &LoadOptions::default());
    assert_eq!(
        err.to_string(),
        format!(
            "qari: cannot read {}: not a directory",
            under_file.display()
        )
    );
}

#[test]
fn unreadable_file_is_a_plain_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("perm");
    let path = dir.join("secret.txt");
    std::fs::write(&path, AR).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads the file all the same; the sentence is only checked where access is denied.
    if std::fs::read(&path).is_err() {
        let err = open_err(&path, &LoadOptions::default());
        assert_eq!(
            err.to_string(),
            format!("qari: cannot read {}: permission denied", path.display())
        );
        assert_eq!(err.exit_code(), 2);
    }
}

#[test]
fn hostile_file_names_cannot_drive_the_terminal() {
    let dir = scratch("names");
    let path = dir.join("a\u{1b}]52;c;eA==\u{7}\u{202e}txt.gpj");
    std::fs::write(&path, AR).expect("write");
    let s = load(&Input::Path(path.clone()), &LoadOptions::default()).expect("open");
    assert_eq!(s.name, "a\\u{1b}]52;c;eA==\\u{7}\\u{202e}txt.gpj");
    let err = open_err(&path.join("x"), &LoadOptions::default());
    assert!(
        !err.to_string()
            .chars()
            .any(|c| c.is_control() || c == '\u{202e}'),
        "{err}"
    );
}

#[test]
fn a_fifo_is_read_as_a_stream() {
    let dir = scratch("fifo");
    let path = dir.join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(writer_path, format!("{AR}\n")).expect("write fifo")
    });
    let s = load(&Input::Path(path.clone()), &LoadOptions::default()).expect("fifo");
    writer.join().expect("writer");
    assert_eq!(s.text, format!("{AR}\n"));

    // A writer that closes without writing gives an empty document.
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || std::fs::write(writer_path, b"").expect("write fifo"));
    let s = load(&Input::Path(path), &LoadOptions::default()).expect("fifo");
    writer.join().expect("writer");
    assert_eq!(s.notices, ["the file is empty"]);
}

#[test]
fn dev_zero_is_refused_without_reading_forever() {
    let err = open_err(Path::new("/dev/zero"), &LoadOptions::default());
    assert_eq!(
        err.to_string(),
        "qari: /dev/zero looks like a binary file; use --force to open it anyway"
    );
}

#[test]
fn a_one_megabyte_line_and_a_hundred_thousand_lines() {
    let dir = scratch("big");
    let path = dir.join("line.txt");
    // About 1 MB, no newline at all.
    let line = "كلمة ".repeat(120_000).into_bytes();
    std::fs::write(&path, &line).expect("write");
    let s = load(&Input::Path(path), &LoadOptions::default()).expect("long line");
    assert_eq!(s.text.len(), line.len());
    assert!(s.notices.is_empty());

    let path = dir.join("lines.txt");
    let lines = "سطر\n".repeat(100_000);
    std::fs::write(&path, &lines).expect("write");
    let s = load(&Input::Path(path), &LoadOptions::default()).expect("many lines");
    assert_eq!(s.text, lines);
}

/// Runs this test binary again as a child with `stdin` set up by `setup`, running only the
/// `stdin_child` test, which loads stdin and prints what it got.
fn with_stdin(stdin: std::process::Stdio, input: Option<&[u8]>) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "stdin_child", "--nocapture", "--test-threads=1"])
        .env("QARI_STDIN_CHILD", "1")
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(bytes) = input {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("feed stdin");
    }
    let out = child.wait_with_output().expect("child");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn stdin_child() {
    if std::env::var_os("QARI_STDIN_CHILD").is_none() {
        return;
    }
    match load(&Input::Stdin, &LoadOptions::default()) {
        Ok(s) => println!(
            "OK name={} enc={} text={:?} notices={:?}",
            s.name, s.encoding, s.text, s.notices
        ),
        Err(e) => println!("ERR {} exit={}", e, e.exit_code()),
    }
}

#[test]
fn stdin_text_empty_and_binary() {
    let out = with_stdin(
        std::process::Stdio::piped(),
        Some(format!("{AR}\n").as_bytes()),
    );
    assert!(
        out.contains(&format!(
            "OK name=stdin enc=UTF-8 text={:?} notices=[]",
            format!("{AR}\n")
        )),
        "{out}"
    );

    let out = with_stdin(std::process::Stdio::null(), None);
    assert!(
        out.contains("OK name=stdin enc=UTF-8 text=\"\" notices=[\"nothing came on stdin\"]"),
        "{out}"
    );

    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(AR);
    let out = with_stdin(std::process::Stdio::piped(), Some(&bytes));
    assert!(out.contains("enc=windows-1256"), "{out}");

    let out = with_stdin(
        std::process::Stdio::piped(),
        Some(b"\x7fELF\x02\x01\x01\x00\x00\x00"),
    );
    assert!(
        out.contains(
            "ERR qari: stdin looks like a binary file; use --force to open it anyway exit=2"
        ),
        "{out}"
    );
}

#[test]
fn valid_utf8_is_not_copied() {
    let bytes = format!("{AR}\n").repeat(1000).into_bytes();
    let at = bytes.as_ptr();
    assert_eq!(
        decode(bytes, "big").text.as_ptr(),
        at,
        "the buffer read is the text"
    );
    let bytes = format!("\u{feff}{AR}\n").into_bytes();
    let at = bytes.as_ptr();
    assert_eq!(
        decode(bytes, "bom").text.as_ptr(),
        at,
        "dropping a BOM moves bytes in place"
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_before_reading() {
    let dir = scratch("huge");
    let path = dir.join("huge.txt");
    // Sparse: no disk space used, and qari refuses it from its size alone.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(qari::source::MAX_BYTES + 1).expect("set_len");
    let err = open_err(
        &path,
        &LoadOptions {
            force: true,
            ..LoadOptions::default()
        },
    );
    assert_eq!(
        err.to_string(),
        format!(
            "qari: {} is larger than 1024 MiB, more than qari can hold",
            path.display()
        )
    );
    assert_eq!(err.exit_code(), 2);
    drop(file);
    std::fs::remove_file(&path).expect("remove");
}

/// The lean to Arabic only decides close calls: legacy text in other scripts keeps its encoding.
#[test]
fn other_legacy_encodings_are_not_read_as_arabic() {
    for (enc, text) in [
        (
            encoding_rs::WINDOWS_1251,
            "Это проверка кодировки символов, и она должна работать.",
        ),
        (
            encoding_rs::WINDOWS_1252,
            "Ceci est un test de l'encodage des caractères, à vérifier.",
        ),
        (encoding_rs::WINDOWS_1255, "זהו מבחן של קידוד התווים."),
        (encoding_rs::GBK, "这是一个字符编码测试。"),
    ] {
        let (bytes, _, _) = enc.encode(text);
        let s = decode(bytes.into_owned(), "other");
        assert_eq!((s.encoding, s.text.as_str()), (enc.name(), text));
    }
}
