//! A Markdown post's front matter (YAML between `---` lines, TOML between `+++` lines): its
//! top-level fields as text. Nested values are kept as the text they are written as.

/// The top-level `key: value` (YAML) or `key = value` (TOML) fields of `src`, in order.
/// A YAML list under a key (`tags:` then `- a` lines) becomes its items joined by `, `.
pub fn fields(src: &str, toml: bool) -> Vec<(String, String)> {
    let sep = if toml { '=' } else { ':' };
    let mut out: Vec<(String, String)> = Vec::new();
    for line in src.lines() {
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || (toml && t.starts_with('[')) {
            continue;
        }
        if let Some((k, v)) = t
            .split_once(sep)
            .filter(|_| !indented && !t.starts_with('-'))
        {
            out.push((k.trim().to_string(), unquote(v.trim())));
        } else if let Some((_, v)) = out.last_mut() {
            // A list item or a continued value belongs to the field above it.
            let item = unquote(t.trim_start_matches('-').trim());
            if !v.is_empty() {
                v.push_str(", ");
            }
            v.push_str(&item);
        }
    }
    out
}

/// A value without its quotes, and a flow list (`[a, b]`) as its items.
fn unquote(v: &str) -> String {
    let v = v
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(v);
    v.split(',')
        .map(|p| p.trim().trim_matches(['"', '\'']))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_fields() {
        let y = fields(
            "title: \"عنوان\"\ntags:\n  - أ\n  - b\nlayout: post\n",
            false,
        );
        assert_eq!(
            y,
            [
                ("title".to_string(), "عنوان".to_string()),
                ("tags".into(), "أ, b".into()),
                ("layout".into(), "post".into())
            ]
        );
        let t = fields("title = 'عنوان'\ntags = [\"x\", \"y\"]\n", true);
        assert_eq!(t[1], ("tags".to_string(), "x, y".to_string()));
        assert_eq!(t[0].1, "عنوان");
    }
}
