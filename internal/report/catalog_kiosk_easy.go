package report

// easyKiosk is the kiosk page in easy Japanese. Its commands' help and
// the administrator's messages are for staff, so they are the Japanese
// catalogue's.
var easyKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "マイナンバーカードの 電子証明書の 有効期限を 調べます",
		LangButton:      "English",
		LangButtonLabel: "Show this page in English",

		Insert:     "マイナンバーカードを カードリーダーに 置いてください",
		InsertNote: "暗証番号は 入れなくても いいです。",
		Privacy:    "カードの 情報は 残しません。カードを 取ると、画面から 消えます。",

		Reading:     "カードを 読んでいます…",
		ReadingNote: "終わるまで カードを 動かさないでください。",
		ReadingRest: "続きを 読んでいます…",

		TakeCard:     "カードを 取ってください",
		TakeCardNote: "カードを 忘れないでください。",

		NoReader:      "カードリーダーが つながっていません",
		NoReaderNote:  "係の人に 言ってください。つながると、自動で 始まります。",
		NoService:     "今、カードを 読むことが できません",
		NoServiceNote: "係の人に 言ってください。直ると、自動で 始まります。",
		Reconnecting:  "画面を もう一度 つないでいます…",

		RetryHint: "カードを 一度 取ってください。向きを 確かめて、もう一度 置いてください。",
		StaffHint: "何回も 同じに なるときは、係の人に 言ってください。",

		BadgeNotYetOpen: "使えます",
		BadgeOpen:       "更新できます",
		BadgeExpired:    "期限が 切れています",
		BadgeError:      "調べることが できませんでした",
		WarningLabel:    "気をつけてください",

		TimelineTitle:  "更新できる 期間と 今日",
		TimelineOpens:  "更新の 始まり",
		TimelineExpiry: "有効期限",
		TimelineToday:  "今日",

		OfficeTitle:   "手続きを する 窓口",
		OfficeExample: "これは 例です(この 機械の 窓口の 情報は まだ ありません)",
		OfficeCounter: "窓口",
		OfficeFloor:   "場所",
		OfficeHours:   "受付の 時間",
		OfficePhone:   "電話",

		BadgeLocked:     "暗証番号が ロックされています",
		BadgeLastTry:    "暗証番号は あと 1回",
		DecisionBy:      "いつまでに",
		DecisionWhere:   "どこで",
		ByLastOfficeDay: "(窓口が 開いている 最後の 日)",
		ByExpiry:        "(有効期限の 日)",
		ExampleShort:    "(例)",
		MoreBelow:       "下に くわしい 説明が あります",
		BiggerText:      "字を 大きく",
		NormalText:      "字を 元の 大きさに",
		TimelineBefore:  "まだ です",
		TimelineAfter:   "期限切れ",
		TouchToKeep:     "続けて 読むときは、画面を さわってください。",
		Details:         "くわしく",
	},

	HelpKiosk:     jaKiosk.HelpKiosk,
	HelpUI:        jaKiosk.HelpUI,
	Listening:     jaKiosk.Listening,
	ListenWarning: jaKiosk.ListenWarning,
	OpenBrowser:   jaKiosk.OpenBrowser,
	BrowserFailed: jaKiosk.BrowserFailed,
	BadListen:     jaKiosk.BadListen,
	BadLinger:     jaKiosk.BadLinger,
	OfficeError:   jaKiosk.OfficeError,
	ListenRefused: jaKiosk.ListenRefused,
	LANToken:      jaKiosk.LANToken,
	ClockWrong:    jaKiosk.ClockWrong,
	NoBrowser:     jaKiosk.NoBrowser,
}

// easyFurigana are the readings of the words a resident meets on the page
// and at the counter, shown over them in easy Japanese as city pages do.
var easyFurigana = map[string]string{
	"電子証明書":   "でんししょうめいしょ",
	"利用者証明用":  "りようしゃしょうめいよう",
	"署名用":     "しょめいよう",
	"有効期限通知書": "ゆうこうきげんつうちしょ",
	"有効期限":    "ゆうこうきげん",
	"有効期間":    "ゆうこうきかん",
	"期限":      "きげん",
	"期間":      "きかん",
	"更新":      "こうしん",
	"暗証番号":    "あんしょうばんごう",
	"窓口":      "まどぐち",
	"市区町村":    "しくちょうそん",
	"手続き":     "てつづき",
	"照会書兼回答書": "しょうかいしょけんかいとうしょ",
	"照会書":     "しょうかいしょ",
	"本人確認書類":  "ほんにんかくにんしょるい",
	"本人":      "ほんにん",
	"係":       "かかり",
	"再設定":     "さいせってい",
	"失効":      "しっこう",
	"顔認証":     "かおにんしょう",
	"認証局":     "にんしょうきょく",
	"在留期間":    "ざいりゅうきかん",
	"在留":      "ざいりゅう",
	"申し込":     "もうしこ",
	"今日":      "きょう",
	"明日":      "あした",
	"昨日":      "きのう",
	"画面":      "がめん",
	"情報":      "じょうほう",
	"自動":      "じどう",
	"健康保険証":   "けんこうほけんしょう",
	"住民基本台帳":  "じゅうみんきほんだいちょう",
}
