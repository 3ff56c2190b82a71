//! The HTML fixtures (tests/fixtures/html, written by tests/fixtures/make_html.py) and what a
//! reader must get from each: the article inside its site's chrome.
#![allow(dead_code)]

use std::path::PathBuf;

/// A fixture page and what is known of it.
pub struct Page {
    /// Its file name in tests/fixtures/html.
    pub file: &'static str,
    /// The page's `<title>`.
    pub title: &'static str,
    /// The article's title and section headings, in order.
    pub outline: &'static [&'static str],
    /// Headings of the site around the article (visible, not the article's).
    pub chrome_headings: &'static [&'static str],
    /// The article's first and last body sentences.
    pub first: &'static str,
    pub last: &'static str,
    /// Visible text of the site around the article: menus, sidebars, footers, forms.
    pub chrome: &'static [&'static str],
    /// Text no reader of the page ever sees: scripts, styles, JSON-LD, hidden nodes, form
    /// controls' values, comments.
    pub never: &'static [&'static str],
}

impl Page {
    /// Its path.
    pub fn path(&self) -> String {
        let p: PathBuf = [
            env!("CARGO_MANIFEST_DIR"),
            "tests",
            "fixtures",
            "html",
            self.file,
        ]
        .iter()
        .collect();
        p.to_string_lossy().into_owned()
    }
}

/// Every fixture page.
pub const PAGES: &[Page] = &[
    Page {
        file: "table_layout.html",
        title: "وزير الزراعة يعلن خطة لمواجهة الجفاف - شبكة الأخبار العربية",
        outline: &[
            "وزير الزراعة يعلن خطة وطنية لمواجهة الجفاف",
            "تمويل الخطة",
            "ردود الفعل",
        ],
        chrome_headings: &[],
        first: "أعلن وزير الزراعة اليوم عن خطة وطنية شاملة لمواجهة موجة الجفاف التي تضرب البلاد منذ ثلاث سنوات.",
        last: "ومن المنتظر أن يناقش البرلمان تفاصيل الخطة خلال جلسته المقبلة.",
        chrome: &[
            "الرئيسية | سياسة | اقتصاد | رياضة | اتصل بنا",
            "أقسام الموقع",
            "استفتاء الأسبوع",
            "الأكثر قراءة",
            "نسخة للطباعة",
            "[إعلان: احجز رحلتك الآن بأسعار مخفضة]",
            "جميع الحقوق محفوظة © 2008 شبكة الأخبار العربية",
        ],
        never: &["adZone", "font-family", "صوت الآن", "counter: hit", "Tahoma"],
    },
    Page {
        file: "wordpress.html",
        title: "كيف تبدأ حديقة منزلية صغيرة | مدونة الحديقة الخضراء",
        outline: &[
            "كيف تبدأ حديقة منزلية صغيرة",
            "اختيار المكان المناسب",
            "ما الذي تزرعه أولا",
        ],
        chrome_headings: &[
            "شارك هذا المقال:",
            "مقالات ذات صلة",
            "تعليقان",
            "أضف تعليقا",
            "أحدث المقالات",
        ],
        first: "لا تحتاج الحديقة المنزلية إلى مساحة كبيرة، فشرفة صغيرة أو نافذة مشمسة تكفي لتبدأ.",
        last: "وتذكر أن السقي المنتظم في الصباح الباكر أهم من كمية الماء نفسها.",
        chrome: &[
            "مدونة الحديقة الخضراء",
            "نصائح يومية للزراعة المنزلية",
            "• من نحن",
            "خمسة أعشاب تزرعها في المطبخ",
            "مقال رائع، شكرا لك على النصائح.",
            "لن يتم نشر عنوان بريدك الإلكتروني.",
            "متى تقطف الطماطم؟",
            "يعمل بواسطة ووردبريس",
        ],
        never: &[
            "_wpemojiSettings",
            "wp-smiley",
            "اكتب اسمك هنا",
            "نص افتراضي في مربع التعليق",
            "إرسال التعليق",
            "ابحث هنا",
            "className",
        ],
    },
    Page {
        file: "modern_article.html",
        title: "الناتو والمغرب: شراكة لمواجهة الإرهاب — المستقبل للأبحاث",
        outline: &[
            "شراكة خاصة بين الناتو والمغرب لتعزيز الاستقرار الإقليمي والدولي",
            "دوافع محددة",
            "استعادة الدور",
        ],
        chrome_headings: &["اقرأ أيضا", "النشرة البريدية"],
        first: "حلف شمال الأطلسي (الناتو) يستمر في المراهنة على تعزيز تنسيقه مع مجموعة من الدول، وعلى رأسها المغرب بصفته حليفا رئيسيا من خارج الحلف، من أجل مكافحة الإرهاب.",
        last: "تكشف إشارة التقرير السنوي الصادر عن حلف شمال الأطلسي إلى مواصلة المشاورات مع المغرب باعتبارها شريكاً رئيسياً في مجال مكافحة الإرهاب؛ عن سعي الحلف إلى تحقيق مجموعة من الأهداف الرئيسية.",
        chrome: &[
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.",
            "• تحليلات",
            "الساحل الأفريقي بين موسكو وواشنطن",
            "اشترك في نشرتنا الأسبوعية",
            "سياسة الخصوصية · شروط الاستخدام",
        ],
        never: &[
            "NewsArticle",
            "schema.org",
            "dataLayer",
            "line-height",
            "نص مخفي لا يراه القارئ أبدا",
            "إعلان مخفي في المقال",
            "قالب لا يعرض",
            "بريدك الإلكتروني",
            "بكسل التتبع",
            "موافق",
        ],
    },
    Page {
        file: "windows1256.html",
        title: "أسعار النفط ترتفع في الأسواق العالمية",
        outline: &["أسعار النفط ترتفع للأسبوع الثالث على التوالي"],
        chrome_headings: &[],
        first: "ارتفعت أسعار النفط في تعاملات اليوم مدعومة بتراجع المخزونات الأمريكية وتوقعات بزيادة الطلب في فصل الشتاء.",
        last: "ويرى خبراء أن استمرار الارتفاع قد ينعكس على أسعار الوقود في الدول المستوردة خلال الأشهر القادمة.",
        chrome: &[
            "الصفحة الرئيسية - الاقتصاد - الأرشيف",
            "حقوق النشر محفوظة لجريدة الاقتصاد اليوم",
        ],
        never: &["Content-Type"],
    },
    Page {
        file: "code_table.html",
        title: "دليل قارئ: قراءة صفحات الويب في الطرفية",
        outline: &["قراءة صفحات الويب في الطرفية", "جدول الخيارات"],
        chrome_headings: &[],
        first: "يقرأ قارئ الصفحة كما هي، ويعرض نصها العربي من اليمين إلى اليسار دون الحاجة إلى متصفح.",
        last: "وإذا كانت الصفحة بترميز قديم فإن قارئ يقرأ إعلانها عن الترميز قبل أن يخمنه.",
        chrome: &["التوثيق › الأدلة", "رخصة التوثيق: المشاع الإبداعي"],
        never: &["border-collapse", "direction: ltr"],
    },
];
