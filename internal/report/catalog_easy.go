package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The easy-Japanese catalogue (やさしい日本語) follows the way cities write
// for residents from abroad: short sentences, です/ます, no honorifics,
// spaces between phrases, the Western year without an era. The kiosk page
// adds furigana to its key words. Sentences for staff and scripts (help,
// flag errors, export) are the Japanese catalogue's: whoever types a
// command reads standard Japanese.

var easyWeekdays = [...]string{"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"}

// easyDate writes a date with its whole weekday and no era:
// 2027年1月10日(日曜日).
func easyDate(d window.Date) string {
	return fmt.Sprintf("%s(%s)", d.Japanese(), easyWeekdays[d.Weekday()])
}

// easySpan is jaSpan's length of time: days while short, else years and
// months.
func easySpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return fmt.Sprintf("%d日", to.DaysSince(from))
	}
	return jaYearsMonths(sp)
}

func easyPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "署名用の 暗証番号(英語の 字と 数字で 6〜16けた)"
	}
	return "利用者証明用の 暗証番号(数字 4けた)"
}

var easy = Catalog{
	Lang:    Easy,
	Date:    easyDate,
	DateEra: func(d window.Date) string { return d.Japanese() },
	Kiosk:   easyKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("まだ 更新は できません。明日、%sから 更新できます。", easyDate(w.Opens))
		}
		return fmt.Sprintf("まだ 更新は できません。%sから 更新できます(あと %s)。", easyDate(w.Opens), easySpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("今、更新できます。今日 %sが 有効期限の 日です。今日が 更新できる 最後の 日です。", easyDate(w.Expiry))
		}
		return fmt.Sprintf("今、更新できます。有効期限は %sです。あと %sです。", easyDate(w.Expiry), easySpan(w.Today, w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("有効期限が 切れています。昨日 %sで 終わりました。", easyDate(w.Expiry))
		}
		return fmt.Sprintf("有効期限が 切れています。%sで 終わりました(%s 過ぎています)。", easyDate(w.Expiry), easySpan(w.Expiry, w.Today))
	},
	Advice: easyAdvice,

	LabelExpiry: "有効期限",
	LabelWindow: "更新できる 期間",
	LabelToday:  "今日",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s〜%s", easyDate(opens), easyDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("有効期限の %dか月前から 更新できるとして 計算しています。", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += "外国に 住んでいる 人は 有効期限の 1年前から 更新できる、と 言っている 市区町村も あります。"
		}
		return note
	},

	BadDate:        ja.BadDate,
	MissingFlag:    ja.MissingFlag,
	BadMonths:      ja.BadMonths,
	BadLang:        ja.BadLang,
	UnknownFlag:    ja.UnknownFlag,
	FlagNeedsValue: ja.FlagNeedsValue,
	BadFlag:        ja.BadFlag,
	UnexpectedArgs: ja.UnexpectedArgs,
	UnknownCommand: ja.UnknownCommand,
	BadTrustCA:     ja.BadTrustCA,
	UnknownProfile: ja.UnknownProfile,
	HintHelp:       ja.HintHelp,
	ErrorPrefix:    ja.ErrorPrefix,
	HintPrefix:     "ヒント: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "署名用電子証明書(e-Taxなどで 申請を するときに 使います)"
		}
		return "利用者証明用電子証明書(ログインなどに 使います)"
	},
	LabelIssuer: "出した ところ",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "調べています…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("地方公共団体情報システム機構(J-LIS)です。J-LISの 認証局(%d年)で 正しいことを 確かめました", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "練習用の カードの テストの 認証局で 確かめました(J-LISでは ありません)"
			}
			return "指定された 認証局で 確かめました(" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "jpkicheckが 知らない JPKIの 認証局です。カードの 中の 認証局の 証明書で 確かめました"
		case jpki.TrustInvalid:
			return "署名が 認証局の 証明書と 合いません。カードが 壊れているかも しれません。市区町村の 窓口に 相談してください"
		case jpki.TrustUnknownIssuer:
			return "知らない 認証局です。カードにも 確かめるための 証明書が ありません"
		}
		return "調べていません(--quick)"
	},
	LabelPINs: "暗証番号を まちがえても いい 回数",
	PINName:   easyPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "分かりません(カードが 回数を 教えませんでした)"
		case p.NotSet():
			return "この カードには ありません"
		case p.verified():
			return "今、確認が 終わった 状態です(回数は 出ません)"
		case p.Locked:
			return "ロックされています"
		}
		return fmt.Sprintf("あと %d回(いちばん 多くて %d回)", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := easyPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return easyNoSignCert +
				// advice: proxy-legal-rep
				"15歳より 下の 人の 手続きは、親など(法定代理人)が します。持って いく ものは 窓口に 聞いてください。"
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("この カードには %sが ありません。顔認証マイナンバーカードは、暗証番号を 決めない カードです。", name)
		case p.verified():
			return fmt.Sprintf("カードに よると、%sは 今、確認が 終わった 状態です(この パソコンの ほかの プログラムが 入れました)。終わったら、その プログラムを 閉じるか、カードを 取ってください。", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("カードは %sが ロックされている と 言っています。", name) + easyFaceAuth + "顔認証マイナンバーカードで ないときは、" + easyPINReset
		case p.Locked:
			return fmt.Sprintf("%sは ロックされています。", name) + easyPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("%sは あと 1回です。次に まちがえると ロックされます。自信が ないときは 入れないでください。暗証番号を もう一度 決める 手続き(再設定)を してください。", name)
		}
		return ""
	},
	LabelBring:           "窓口での 手続き",
	LabelInPerson:        "本人が 行くとき",
	LabelByProxy:         "代わりの 人が 行くとき",
	BringInPerson:        easyBringInPerson,
	BringByProxy:         easyBringByProxy,
	BringByProxyNoForm:   easyBringByProxyNoForm,
	BringByProxyPINReset: easyBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("※ これは jpkicheckの 練習用の カード(%s)の 結果です。本当の カードでは ありません。", profile)
	},
	Reading: "カードを 読んでいます…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "カードリーダーを つないで、マイナンバーカードを 置いてください…"
		}
		return fmt.Sprintf("マイナンバーカードを カードリーダーに 置いてください(%s)…", strings.Join(readers, "、"))
	},
	PersonalTitle:   "署名用電子証明書に ある 本人の 情報(--show-personal を 付けたので 出しています)",
	LabelName:       "名前",
	LabelAltName:    "名前(代わりの 字)",
	LabelBirthDate:  "生まれた 日",
	LabelSex:        "性別",
	LabelAddress:    "住所",
	LabelAltAddress: "住所(代わりの 字)",
	SexName: func(code string) string {
		switch code {
		case "1":
			return "男"
		case "2":
			return "女"
		}
		return code
	},
	PINPrompt: func(pin jpki.PIN) string {
		return fmt.Sprintf("%sを 入れてください(画面には 出ません): ", easyPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("%sは 正しいです。まちがえても いい 回数は %d回に 戻りました。", easyPINName(pin), pin.MaxTries())
	},
	PINUsage:           ja.PINUsage,
	RemoveCardNow:      "すぐに カードを リーダーから 取ってください。暗証番号の 確認が 終わった 状態を 元に 戻せませんでした。取るまで、ほかの プログラムが カードを 使うかも しれません。",
	ForceOnlyForVerify: ja.ForceOnlyForVerify,
	ExportUsage:        ja.ExportUsage,
	BadFormat:          ja.BadFormat,
	BinaryToTerminal:   ja.BinaryToTerminal,
	FileExists:         ja.FileExists,
	Exported:           ja.Exported,
	SignExportWarning:  "署名用電子証明書には 名前・住所・生まれた 日・性別が 入っています。ファイルを 人に 渡さないでください。使わなくなったら 消してください。",
	ICSCalendarName:    "マイナンバーカードの 電子証明書",
	ICSOpensSummary: func(w window.Window) string {
		return "マイナンバーカードの 電子証明書: 今日から 更新できます"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("今日から %sまで、市区町村の 窓口で 電子証明書を 更新できます。お金は かかりません。\n\n"+
			"本人が 行くとき: %s\n代わりの 人が 行くとき: %s", easyDate(w.Expiry), easyBringInPerson, easyBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("電子証明書の 有効期限まで あと 1週間(%s)", easyDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("電子証明書の 有効期限は %sです。まだ 更新して いないときは、それまでに 市区町村の 窓口で 手続きを してください。"+
			"期限が 切れると、新しい 電子証明書を もらうまで、コンビニで 証明書を とることや e-Taxなどに カードを 使えません。", easyDate(w.Expiry))
	},
	ICSAlreadyOpen: "もう 過ぎた 日の お知らせも 入っています。",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("お知らせを %s に 入れました。カレンダーの アプリで 開いてください。", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "カードが ありません"
		case problem != "":
			return "何の カードか 分かりません: " + strings.TrimSuffix(easyProblem(Details{Problem: Problem(problem)}), "。")
		}
		return map[string]string{
			"my_number_card":     "マイナンバーカード",
			"juki_card":          "住民基本台帳カード(住基カード)",
			"smartphone_android": "スマートフォンの 電子証明書(Android)",
			"smartphone_ios":     "スマートフォンの 電子証明書(iPhone)",
		}[card] + jaUnknownCard(card)
	},
	HelpReaders:    ja.HelpReaders,
	ProblemMessage: easyProblem,
	ProblemHint:    easyHint,

	HelpMain:    ja.HelpMain,
	HelpWindow:  ja.HelpWindow,
	HelpCheck:   ja.HelpCheck,
	HelpDemo:    ja.HelpDemo,
	HelpPIN:     ja.HelpPIN,
	HelpExport:  ja.HelpExport,
	HelpICS:     ja.HelpICS,
	HelpVersion: ja.HelpVersion,
	DidYouMean:  ja.DidYouMean,
	DemoMore:    ja.DemoMore,

	LabelOfficeDays: "窓口が 開いている 日",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s〜%s(窓口が 開いている 日)", easyDate(first), easyDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("有効期限の %sは 窓口が 休みの 日です。窓口で 手続きが できる 最後の 日は %sです。", easyDate(w.Expiry), easyDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "カードの 有効期限は、カードの 表に 書いて あります。電子証明書の 有効期限と 同じ 日か 近い 日の ときは、電子証明書では なく、カードの 更新が 必要です(jpkicheck check --card-expiry 日付 で 調べることが できます)。",
	LabelCardExpiry: "カードの 有効期限",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("カードの 有効期限は %sで 切れています。カードの 有効期限が 過ぎると、電子証明書も 使えません。新しい カードの ことは、市区町村の 窓口に 聞いてください。", easyDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("カードの 有効期限は %sです。電子証明書より 後です。電子証明書の 更新だけで いいです。カードの 更新は %sから 申し込めます。", easyDate(r.Expiry), easyDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("電子証明書の 有効期限が カードの 有効期限(%s)と 同じか 近いです。だから、電子証明書の 更新では なく、カードの 更新(新しい カードの 申し込み)が 必要です。%sまで 申し込めます。新しい カードを もらうまで 1か月ぐらい かかります。有効期限通知書と いっしょに 届いた 申し込みの 紙(交付申請書)を 使えます。お金は かかりません。", easyDate(r.Expiry), easyDate(r.Expiry))
		}
		return fmt.Sprintf("電子証明書の 有効期限が カードの 有効期限(%s)と 同じか 近いです。だから、電子証明書の 更新では なく、カードの 更新(新しい カードの 申し込み)が 必要です。カードの 更新は、有効期限の 3か月前の 日の 次の 日、%sから 申し込めます。新しい カードを もらうまで 1か月ぐらい かかります。有効期限通知書と いっしょに 届いた 申し込みの 紙(交付申請書)を 使えます。お金は かかりません。", easyDate(r.Expiry), easyDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("電子証明書を 出した 日が %sです。この コンピューターの 今日(%s)より 後です。コンピューターの 日付が まちがっているので、更新の 答えは 出しません。", easyDate(notBefore), easyDate(today))
	},
	ClockWrongHint: ja.ClockWrongHint,
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("電子証明書の 有効期限は %sで 切れています。お知らせの 日は みんな 過ぎました。カレンダーの ファイルは 作りませんでした。市区町村の 窓口で、お金を 払わないで 新しい 電子証明書を もらえます。", easyDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("お知らせの 日は みんな 過ぎました。カレンダーの ファイルは 作りませんでした。今、更新できます。窓口で 手続きが できる 最後の 日は %sです。", easyDate(last))
	},
	HelpMore:          ja.HelpMore,
	DemoSecrets:       ja.DemoSecrets,
	DidYouMeanProfile: ja.DidYouMeanProfile,
	BadWait:           ja.BadWait,
	CannotWrite:       ja.CannotWrite,
	TrustCAReason:     ja.TrustCAReason,
	ErrorHint:         ja.ErrorHint,
}

func easyProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "カードを 読む サービス(PC/SC)が 動いていません。"
	case NoReader:
		return "カードリーダーが ありません。"
	case NoCard:
		return "カードリーダーに カードが ありません。"
	case UnknownReader:
		return fmt.Sprintf("「%s」と いう カードリーダーは ありません。つながっている リーダー: %s。", d.Reader, strings.Join(d.Readers, "、"))
	case CardRemoved:
		return "読んでいる ときに カードが 外れました。"
	case CardInUse:
		return "ほかの プログラムが カードを 使っています。"
	case CardMute:
		return "リーダーの カードが 答えません。"
	case CardTimeout:
		return "カードが 途中で 答えなく なりました。"
	case NotJPKI:
		return "この カードは マイナンバーカードでは ないようです(電子証明書が ありません)。"
	case JukiCard:
		return "これは 住民基本台帳カード(住基カード)です。マイナンバーカードでは ありません。"
	case Smartphone:
		return "これは スマートフォンの 電子証明書です。マイナンバーカードでは ありません。"
	case UnknownToken:
		return fmt.Sprintf("この カードには、jpkicheckが 知らない 電子証明書が あります(%q)。", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "この マイナンバーカードには 署名用電子証明書が ありません。"
		}
		return "この マイナンバーカードには 利用者証明用電子証明書が ありません。"
	case Malformed:
		return "カードの 電子証明書を 正しく 読めませんでした。"
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("カードは %sが ロックされている と 言っています。顔認証マイナンバーカード(暗証番号を 決めない カード)の ときは、こう なります。", easyPINName(d.PIN))
		}
		return fmt.Sprintf("%sは ロックされています。", easyPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("%sが ちがいます。あと %d回です。", easyPINName(d.PIN), d.TriesLeft)
	case PINLastTry:
		return fmt.Sprintf("%sは あと 1回なので、カードに 送りませんでした。", easyPINName(d.PIN))
	case PINDeclined:
		return "カードには 何も 送っていません。"
	case PINMissing:
		return "標準入力に 暗証番号が ありませんでした。カードには 何も 送っていません。"
	case Cancelled:
		return "やめました。"
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "署名用の 暗証番号には、英語の 字(A〜Z)と 数字が 両方 入ります。カードには 何も 送っていません。"
			}
			return "署名用の 暗証番号は、英語の 字(A〜Z)と 数字で 6〜16文字です。カードには 何も 送っていません。"
		}
		return "利用者証明用の 暗証番号は、数字 4けたです。カードには 何も 送っていません。"
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return easyNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("この カードには %sが ありません。顔認証マイナンバーカードは、暗証番号を 決めない カードです。", easyPINName(d.PIN))
	case PINBusy:
		return "カードに よると、ほかの プログラムが 暗証番号の 確認を 終えた 状態です。だから、あと 何回か 分かりません。カードには 何も 送っていません。"
	case CardLink:
		return "カードと 通信が できませんでした。"
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "問題が 起きました。"
}

// easyHint is what to do next. Hints that only a command-line user acts
// on (flags, services, scripts) are the Japanese catalogue's.
func easyHint(d Details, goos string) string {
	switch d.Problem {
	case NoCard:
		return "カードを 入れてください(ICチップの ほうから、表を 上に)。NFCの リーダーには カードを 平らに 置いてください。それから もう一度 してください"
	case CardRemoved:
		return "カードを 戻して、もう一度 してください。NFCの リーダーでは、結果が 出るまで カードを 動かさないでください"
	case CardMute:
		return "カードを 取って、ICチップの ほうから 表を 上に して もう一度 入れてください。チップが よごれていたら、やさしく ふくと 直ることが あります"
	case CardTimeout:
		return "カードを 取って もう一度 入れてください。同じに なるときは、ほかの リーダーを 使ってください"
	case NotJPKI:
		return "マイナンバーカード(個人番号カード)を 入れてください。銀行や 電車の ICカードには 電子証明書は ありません"
	case JukiCard:
		// advice: juki-card
		return "住基カードの 電子証明書は もう 新しく 出しません。電子証明書が 必要な ときは、マイナンバーカードを 申し込んでください"
	case Smartphone:
		// advice: smartphone-not-card
		return "スマートフォンの 電子証明書の 有効期限は、マイナポータルの アプリで 見ることが できます。jpkicheckは カードだけを 読みます"
	case UnknownToken, Malformed:
		return "カードを もう一度 入れて、やり直してください。同じに なるときは、市区町村の 窓口に 相談してください"
	case NoCertificate:
		// advice: sign-revoked-change
		return "出して いないか、使えなく なっています(失効)。必要な ときは、市区町村の 窓口で 新しく もらってください"
	case PINLocked:
		hint := strings.TrimSuffix(easyPINReset, "。")
		if d.MaybeNoPIN {
			return "顔認証マイナンバーカードで ないときは、" + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheckが 自分で やり直すことは ありません。自信が ないときは 試さないでください。暗証番号を もう一度 決める 手続き(再設定)を してください"
	case PINFormat:
		return "半角で 入れてください(小さい 字や 全角の 字は、半角の 大きい 字に 直して 送ります)。回数は 減っていません"
	case PINNotSet:
		return "カードには 何も 送っていないので、回数は 減っていません"
	case CardLink:
		return "カードを リーダーに 戻してください。結果が 出るまで 動かさないで、もう一度 してください"
	}
	return jaHint(d, goos)
}

// advice: child-no-sign
const easyNoSignCert = "この カードには 署名用電子証明書が ありません。だから、署名用の 暗証番号も ありません。" +
	"15歳より 下の 人の カードや 顔認証マイナンバーカードには ありません。"

// easyFaceAuth is said where a card may be a face-authentication card.
const easyFaceAuth = "" +
	// advice: faceauth-what
	"顔認証マイナンバーカード(暗証番号を 決めない カード)の ときは、こう なります。" +
	// advice: faceauth-cannot
	"顔認証マイナンバーカードでは、コンビニで 証明書を とること、マイナポータル、e-Taxなど、暗証番号が 必要な サービスは 使えません。" +
	// advice: faceauth-switch-back
	"市区町村の 窓口で、暗証番号の ある ふつうの カードに 戻すことも できます。"

// easyPINReset is where a locked PIN is reset.
const easyPINReset = "" +
	// advice: pin-reset-office
	"市区町村の 窓口で、暗証番号を もう一度 決めることが できます(再設定)。マイナンバーカードと、本人だと 分かる もの(本人確認書類)を 持って いってください。" +
	// advice: pin-reset-convenience
	"もう 一つの 暗証番号が 分かって、電子証明書が 有効期限の 中で 失効して いないときは、スマートフォンの アプリ「JPKI暗証番号リセット」で 予約してください。" +
	"予約から 24時間の 間に、コンビニなどの 機械(マルチコピー機)でも 再設定が できます(カードの ICチップを 読める スマートフォンが 必要です)。"

const easyBringInPerson = "" +
	// advice: bring-in-person
	"マイナンバーカードを 持って いってください。窓口で、利用者証明用電子証明書の 暗証番号(数字 4けた)と 署名用電子証明書の 暗証番号(英語の 字と 数字で 6〜16けた)を 入れます。" +
	"窓口に よっては、住民基本台帳用の 暗証番号(数字 4けた)も 入れます。" +
	// advice: bring-pin-unknown
	"暗証番号が 分からないときや ロックされているときは、窓口で 先に 暗証番号を もう一度 決めて(再設定)から 更新します。本人だと 分かる もの(運転免許証など)も 持って いってください。"

const easyBringByProxy = "" +
	// advice: proxy-before-expiry
	"本人の マイナンバーカードを 持って いってください。有効期限通知書と いっしょに 届いた「照会書兼回答書」も 持って いってください(本人が 書いて、暗証番号も 書いて、封筒に 入れて、閉じた もの)。" +
	"代わりの 人の 顔写真が ある 本人確認書類(マイナンバーカード、運転免許証、パスポートなど)も 持って いってください。" +
	// advice: proxy-form-valid-until-expiry
	"照会書兼回答書は、電子証明書の 有効期限の 日まで 使えます。"

// advice: proxy-no-form
const easyBringByProxyNoForm = "照会書兼回答書が ないとき(有効期限が 過ぎたときなど)は、代わりの 人が 申し込んだ 後で、市区町村から 本人に 照会書が 郵便で 届きます。" +
	"本人が 書いた ものを、代わりの 人が もう一度 持って いきます。窓口に 2回 行くことに なります。"

// advice: proxy-pin-reset
const easyBringByProxyPINReset = "代わりの 人が 暗証番号を もう一度 決める 手続き(再設定)を するときは、その 日には 終わりません。" +
	"申し込みの 後で、本人に 照会書兼回答書が 郵便で 届きます。本人が 書いた ものを、代わりの 人が もう一度 持って いきます。"

// easyAdvice is what the situation means and what to do, a paragraph each.
func easyAdvice(s Situation) []string {
	var out []string
	office := "市区町村の 窓口で "
	if !s.usualWindow() {
		office = "" // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("今は 手続きを しなくても いいです。今日 %sに 手続きを すると、更新では なく 新しく 出す ことに なります。有効期限は %sに なります。"+
				"%sから 後に 更新すると 有効期限は %sです。それより %s 短く なります。", easyDate(s.Today), easyDate(early), easyDate(s.Opens), easyDate(renewed), jaYearsMonths(lost)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("今は 手続きを しなくても いいです。更新できる 期間より 前に 手続きを すると、新しく 出す ことに なります。有効期限が 短く なります。"+
				"%sから 後に 手続きを してください。", easyDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "電子証明書の 有効期限は、出した 日の 後の 5回目の 誕生日です。更新できる 期間(有効期限まで 3か月より 短い とき)に 更新すると、"+
				"6回目の 誕生日に なります。でも、カードの 有効期限より 後には なりません。")
		}
	case window.Open:
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := office + "更新の 手続きを してください。電子証明書の 更新は お金が かかりません。"
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf("更新できる 期間に 更新すると、新しい 電子証明書の 有効期限は %sに なります。"+
					"この 期間なら、早く 手続きを しても 有効期限は 短く なりません。", easyDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += "新しい 電子証明書の 有効期限は、窓口で 聞いてください。"
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "新しい 電子証明書を もらうまで、マイナポータルの ログイン、コンビニで 証明書を とること、e-Taxなどの オンラインの 手続きに カードを 使えません。"
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("健康保険証として 使うこと(マイナ保険証)は、%sまで できます(有効期限が 切れた 月の 終わりから 3か月後の 月の 終わりまで)。"+
					"この 間、病院などでは 保険に 入っていることは 確かめられます。でも、診察や 薬の 情報は 病院などに 伝わりません。", easyDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("健康保険証として 使うこと(マイナ保険証)も、%sで 終わりました(有効期限が 切れた 月の 終わりから 3か月後の 月の 終わり)。", easyDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "有効期限が 切れたので、e-Taxなどの 電子申請で 電子署名が できません。"+
				"コンビニで 証明書を とることや 健康保険証として 使うことには、署名用電子証明書は 使いません。")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "有効期限が 過ぎても、"+office+"お金を 払わないで 新しい 電子証明書を もらえます。"+
			"新しい 電子証明書は、手続きから 24時間ぐらいで 使えるように なります。")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "引っ越しや 結婚などで 名前・住所・生まれた 日・性別が 変わると、署名用電子証明書は 自動的に 失効します(使えなく なります)。利用者証明用電子証明書は そのまま 使えます。" +
			"失効した 署名用電子証明書は、カードに 残っていても 使えません。"
		if office != "" {
			p += "必要な ときは、市区町村の 窓口で 新しく もらってください。"
		}
		p += fmt.Sprintf("jpkicheckは カードの 中だけを 読みます。だから、署名用電子証明書が 失効しているか どうかは 分かりません。"+
			"有効期限の %sは、失効して いない ときの 期限です。", easyDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "在留期間が 決まっている 外国人の 人は、有効期限が 在留期間が 終わる 日までです。だから、この 計算は 合いません。"+
			"在留期間が 延びても、有効期限は 自動では 延びません。新しい 在留カードを もらったら、"+
			"カードの 有効期限が 過ぎる 前に、市区町村の 窓口で 有効期間を 変える 手続きを してください。")
	}
	return out
}
