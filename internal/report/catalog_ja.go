package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// jaDate is the one date style of the Japanese output, as city letters
// write it: 2027年(令和9年)1月10日(日).
func jaDate(d window.Date) string {
	return fmt.Sprintf("%s(%s)", d.JapaneseWithEra(), d.JaWeekday())
}

// jaDateEra is jaDate without the weekday, for a date of birth.
func jaDateEra(d window.Date) string {
	return d.JapaneseWithEra()
}

// jaSpan says a duration of days the way a letter would: in days while it
// is short, in years and months (あと2年9か月) once it is long.
func jaSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return fmt.Sprintf("%d日", to.DaysSince(from))
	}
	return jaYearsMonths(sp)
}

// jaYearsMonths renders whole years and months: 1年, 2年9か月, 5か月.
func jaYearsMonths(sp window.Span) string {
	var b strings.Builder
	if sp.Years > 0 {
		fmt.Fprintf(&b, "%d年", sp.Years)
	}
	if sp.Months > 0 || sp.Years == 0 {
		fmt.Fprintf(&b, "%dか月", sp.Months)
	}
	return b.String()
}

var ja = Catalog{
	Lang:    Ja,
	Date:    jaDate,
	DateEra: jaDateEra,
	Kiosk:   jaKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("まだ更新できる期間ではありません。更新の受付は明日、%sから始まります。", jaDate(w.Opens))
		}
		return fmt.Sprintf("まだ更新できる期間ではありません。更新の受付は%sから始まります(あと%s)。", jaDate(w.Opens), jaSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("更新できる期間です。今日、%sが有効期限の日で、更新できる最後の日です。", jaDate(w.Expiry))
		}
		return fmt.Sprintf("更新できる期間です。有効期限の%sまで、あと%sです。", jaDate(w.Expiry), jaSpan(w.Today, w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("有効期限が昨日、%sで切れています。", jaDate(w.Expiry))
		}
		return fmt.Sprintf("有効期限が%sで切れています(期限から%sが経過しています)。", jaDate(w.Expiry), jaSpan(w.Expiry, w.Today))
	},
	Advice: jaAdvice,

	LabelExpiry: "有効期限",
	LabelWindow: "更新できる期間",
	LabelToday:  "今日",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s〜%s", jaDate(opens), jaDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("受付期間を有効期限の%dか月前からとして計算しています。", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += "国外にお住まいの方は、有効期限の1年前から更新できると案内している市区町村があります。"
		}
		return note
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("%s に日付を指定してください。例: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s の「%s」という日はありません。例: %s 2027-03-15", flag, err.Input, flag)
		case window.YearRange:
			return fmt.Sprintf("%s の「%s」は範囲外です(%d年〜%d年)。例: %s 2027-03-15", flag, err.Input, window.MinYear, window.MaxYear, flag)
		}
		return fmt.Sprintf("%s の「%s」は YYYY-MM-DD の形ではありません。例: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("%s を指定してください。例: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months の「%s」は1〜24の整数で指定してください。例: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("--lang の「%s」には対応していません。例: --lang ja または --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("%s というオプションはありません", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s には値が必要です", flag)
		}
		return fmt.Sprintf("%s には値が必要です。例: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("余分な引数があります: %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("「%s」というコマンドはありません", name)
	},
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("--trust-ca %s を読み込めません(%s)。例: --trust-ca test-ca.pem(認証局の証明書のPEMファイル)", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim の「%s」という模擬カードのプロファイルはありません。プロファイル: %s。例: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("'jpkicheck %s--help' でコマンドとオプションの一覧を表示します", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "ヒント: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "署名用電子証明書(e-Taxなどの電子申請に使う証明書)"
		}
		return "利用者証明用電子証明書(ログインなどに使う証明書)"
	},
	LabelIssuer: "発行元",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "確認中…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("地方公共団体情報システム機構(J-LIS)。内蔵のJ-LIS認証局(%d年)で署名を確認しました", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "模擬カード用のテスト認証局(J-LISではありません)で署名を確認しました"
			}
			return "指定された認証局で署名を確認しました(" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "内蔵の一覧にないJPKI認証局です。カードに保存された認証局の証明書で署名を確認しました"
		case jpki.TrustInvalid:
			return "署名が発行元の認証局の証明書と一致しません。カードが傷んでいるおそれがあります。市区町村の窓口にご相談ください"
		case jpki.TrustUnknownIssuer:
			return "不明な認証局です。カードにも確認用の認証局の証明書がありません"
		}
		return "確認していません(--quick)"
	},
	LabelPINs: "暗証番号の残り回数",
	PINName:   jaPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "不明(カードが回数を返しませんでした)"
		case p.NotSet():
			return "このカードにはありません"
		case p.verified():
			return "現在、確認済みの状態です(回数は表示されません)"
		case p.Locked:
			return "ロック中"
		}
		return fmt.Sprintf("残り%d回(最大%d回)", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := jaPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return jaNoSignCert +
				// advice: proxy-legal-rep
				"15歳未満の方の手続きは、親権者などの法定代理人が行います。持ち物は窓口にご確認ください。"
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("このカードには%sが設定されていません。顔認証マイナンバーカードは、暗証番号を設定しないカードです。", name)
		case p.verified():
			return fmt.Sprintf("カードによると、%sは現在、確認済みの状態です(このパソコンのほかのプログラムが入力しました)。使い終わったら、そのプログラムを閉じるか、カードを取り出してください。", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("カードは%sをロック中と返しています。", name) + jaFaceAuth + "顔認証マイナンバーカードでなければ、" + jaPINReset
		case p.Locked:
			return fmt.Sprintf("%sはロックされています。", name) + jaPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("%sは残り1回です。次に間違えるとロックされます。自信がなければ入力せず、暗証番号の再設定(初期化)を受けてください。", name)
		}
		return ""
	},
	LabelBring:           "窓口での手続き",
	LabelInPerson:        "ご本人が行く場合",
	LabelByProxy:         "代理の方が行く場合",
	BringInPerson:        jaBringInPerson,
	BringByProxy:         jaBringByProxy,
	BringByProxyNoForm:   jaBringByProxyNoForm,
	BringByProxyPINReset: jaBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("※ jpkicheck に内蔵の模擬カード(プロファイル: %s)の結果です。実際のカードではありません。", profile)
	},
	Reading: "カードを読み取っています…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "カードリーダーを接続して、マイナンバーカードを置いてください…"
		}
		return fmt.Sprintf("マイナンバーカードをカードリーダーに置いてください(%s)…", strings.Join(readers, "、"))
	},
	PersonalTitle:   "署名用電子証明書に記録された本人の情報(--show-personal を指定したため表示しています)",
	LabelName:       "氏名",
	LabelAltName:    "氏名(代替文字)",
	LabelBirthDate:  "生年月日",
	LabelSex:        "性別",
	LabelAddress:    "住所",
	LabelAltAddress: "住所(代替文字)",
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
		return fmt.Sprintf("%sを半角で入力してください(画面には表示されません): ", jaPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("正しい%sです。残り回数は%d回に戻りました。", jaPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("pin には status、または verify auth|sign を指定してください(「%s」ではありません)。例: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "カードをすぐにリーダーから取り出してください。入力された暗証番号の確認済みの状態を解除できませんでした。取り出すまで、ほかのプログラムが使えるおそれがあります。",
	ForceOnlyForVerify: "--force は回数を使う pin verify のときだけ指定できます。例: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("export には auth、sign、auth-ca、sign-ca のいずれかを指定してください(「%s」ではありません)。例: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("--format の「%s」には対応していません。例: --format pem(または der、p7b)", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s はバイナリ形式のため端末には出力しません。例: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s はすでにあります。--force を付けない限り上書きしません。例: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("%s の証明書を %s に保存しました。", what, path)
	},
	SignExportWarning: "署名用電子証明書には、氏名・住所・生年月日・性別が含まれます。ファイルは人に渡さず、不要になったら削除してください。",
	ICSCalendarName:   "マイナンバーカードの電子証明書",
	ICSOpensSummary: func(w window.Window) string {
		return "マイナンバーカードの電子証明書: 今日から更新できます"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("今日から%sまで、市区町村の窓口で電子証明書を更新できます。更新の手数料は無料です。\n\n"+
			"ご本人が行く場合: %s\n代理の方が行く場合: %s", jaDate(w.Expiry), jaBringInPerson, jaBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("電子証明書の有効期限まであと1週間(%s)", jaDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("電子証明書の有効期限は%sです。まだ更新していない場合は、それまでに市区町村の窓口で手続きしてください。"+
			"期限が切れると、新しい電子証明書の発行を受けるまで、コンビニ交付やe-Taxなどでカードを使うことができません。", jaDate(w.Expiry))
	},
	ICSAlreadyOpen: "過ぎた日のお知らせも含まれます。",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("お知らせを %s に保存しました。カレンダーのアプリで開くと取り込めます。", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "カードなし"
		case problem != "":
			return "種類を確認できないカード: " + strings.TrimSuffix(jaProblem(Details{Problem: Problem(problem)}), "。")
		}
		return map[string]string{
			"my_number_card":     "マイナンバーカード",
			"juki_card":          "住民基本台帳カード(住基カード)",
			"smartphone_android": "スマートフォン用電子証明書(Android)",
			"smartphone_ios":     "スマートフォン用電子証明書(iPhone)",
		}[card] + jaUnknownCard(card)
	},
	HelpReaders: `使い方:
  jpkicheck readers [オプション]

カードリーダーの一覧と、それぞれにカードが入っているか、その種類
(マイナンバーカード、住基カードなど)を表示します。種類の確認では
カードの識別情報だけを読み、暗証番号は使いません。

オプション:
  --reader 名前         名前にこの文字を含むリーダーだけを表示
  --wait 時間           先にその時間までカードを待つ(既定ではすぐに一覧を表示)
  --json                スクリプト向けにJSONを1つ出力
  --lang LANG           表示する言語(省略時は LC_ALL・LC_MESSAGES・LANG から)
` + jaCardFlags + `
例:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: jaProblem,
	ProblemHint:    jaHint,

	HelpMain: `jpkicheck は、マイナンバーカードの電子証明書の有効期限と、
更新できる期間に入っているかどうか、窓口に持っていくものをお知らせします。

使い方:
  jpkicheck [コマンド] [オプション]

コマンド:
  check      カードを読み取って結果を表示(既定のコマンド。暗証番号は不要)
  pin        暗証番号の残り回数を表示(回数は減りません)。pin verify auth|sign で確認
  export     証明書をファイルに書き出し(pem、der、p7b)
  ics        更新の日をお知らせするカレンダーのファイル
  readers    カードリーダーと入っているカードの一覧
  kiosk      市役所のロビー向けの全画面ページ
  ui         同じページを自宅のブラウザーで表示
  window     有効期限の日付から更新できる期間を計算(カード不要)
  demo       内蔵の模擬カードでチェックの流れをすべて実行
  version    バージョンを表示(-v でモジュールのバージョンも)

例:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

終了コード:
  0  問題なし(まだ更新期間前)          4  有効期限切れ
  1  その他のエラー                    5  PC/SCサービス・リーダー・カードが見つからない
  2  使い方または入力の誤り            6  マイナンバーカードではない
  3  更新できる期間中                  7  暗証番号がロック中、または拒否された

言語: --lang ja|en|ja-easy|zh|ko|pt|vi。指定がなければ LC_ALL・LC_MESSAGES・LANG から決めます(ja_* なら日本語)。
各コマンドのオプションは 'jpkicheck コマンド --help' で表示します。
`,
	HelpCheck: `使い方:
  jpkicheck [check] [オプション]

カードリーダーのマイナンバーカードを読み取り(暗証番号は不要)、
利用者証明用電子証明書の有効期限、更新できる期間かどうか、
2つの暗証番号の残り回数をお知らせします。カードの内容は変わらず、
暗証番号の回数も減りません。

オプション:
` + jaCheckFlags + jaReaderFlags + `  --json                スクリプト向けにJSONを1つ出力
  --lang LANG           表示する言語(省略時は LC_ALL・LC_MESSAGES・LANG から)
` + jaCardFlags + `
例:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

署名用電子証明書は、引っ越しや結婚などで氏名・住所・生年月日・性別が変わると
自動的に失効します(利用者証明用電子証明書はそのまま使えます)。jpkicheck は
カードの中身だけを読むため、失効しているかどうかは分かりません。

終了コード: 0 まだ期間前、3 更新できる期間中、4 期限切れ、7 暗証番号がロック中、
5 サービス・リーダー・カードなし、6 マイナンバーカードではない、2 入力の誤り、1 その他。
`,
	HelpDemo: `使い方:
  jpkicheck demo [オプション]

jpkicheck に内蔵の模擬カードで、チェックの流れをすべて実行します。
カードリーダーがなくても、住民の方に表示される内容を確かめられます。
既定の模擬カードは更新できる期間中です。--sim で別のプロファイルを選べます
(一覧は最後に表示します)。check と同じオプションを使えます(リーダーの指定は不要です)。

オプション:
` + jaCheckFlags + `  --json                スクリプト向けにJSONを1つ出力
  --lang LANG           表示する言語(省略時は LC_ALL・LC_MESSAGES・LANG から)
` + jaCardFlags + `
例:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "これは模擬カードでした。別のカードも試せます: jpkicheck check --sim プロファイル(次のいずれか)\n  " + profiles
	},
	HelpPIN: `使い方:
  jpkicheck pin [status] [オプション]
  jpkicheck pin verify auth|sign [--force] [オプション]

pin status は、2つの暗証番号の残り回数を表示します。回数は減りません
(空の VERIFY で残り回数だけをカードに尋ねます)。

pin verify は、窓口に行く前に暗証番号を覚えているか確かめます。
先に残り回数を表示してから暗証番号を尋ねます(半角で入力します。端末では
表示されません。端末でなければ標準入力の最初の1行を読みます)。送るのは
1回だけで、自動でやり直すことはありません。残り1回のときは、間違えると
ロックされ、再設定(初期化)を受けるまで使えなくなるため、--force を付けない
限り送りません。

  auth   利用者証明用電子証明書の暗証番号(数字4桁、3回まで)
  sign   署名用電子証明書の暗証番号(署名用パスワード。英数字6〜16桁、5回まで)

オプション:
  --force               pin verify: 残り1回でも暗証番号を送る
` + jaReaderFlags + `  --json                スクリプト向けにJSONを1つ出力
  --lang LANG           表示する言語(省略時は LC_ALL・LC_MESSAGES・LANG から)
` + jaCardFlags + `
例:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

終了コード: 0 問題なし・正しい暗証番号、7 ロック中・誤り・送らなかった、
5 カードなし、6 マイナンバーカードではない、2 入力の誤り。
`,
	HelpExport: `使い方:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o ファイル] [--force] [オプション]

カードの証明書をファイルに書き出します。
  auth      利用者証明用電子証明書(暗証番号は不要)
  sign      署名用電子証明書。署名用の暗証番号を尋ねます。氏名・住所・生年月日・
            性別が含まれるので、人に渡さないでください。
  auth-ca   カードに保存された利用者証明用の認証局の証明書
  sign-ca   カードに保存された署名用の認証局の証明書

形式: pem(テキスト。既定。証明書のあとに認証局)、der(証明書1つのバイナリ)、
p7b(証明書と認証局をまとめた PKCS#7。Windows や macOS の証明書ビューアーで
開けます)。バイナリ形式は端末には出力しません。

オプション:
  --format pem|der|p7b  ファイルの形式(既定 pem)
  -o, --output ファイル 標準出力の代わりにこのファイルに書く
  --force               ファイルがあっても上書きする(export の --force で、最後の
                        1回の暗証番号を使うことはありません。それには
                        'jpkicheck pin verify sign --force' を使います)
` + jaReaderFlags + `  --json                問題をスクリプト向けにJSONで出力
  --lang LANG           表示する言語(省略時は LC_ALL・LC_MESSAGES・LANG から)
` + jaCardFlags + `
例:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `使い方:
  jpkicheck ics [-o ファイル] [--force] [オプション]

カードを読み取り(暗証番号は不要)、利用者証明用電子証明書のお知らせを
カレンダーのファイル(iCalendar、.ics)に書き出します。更新の受付が始まる日と、
有効期限の1週間前の2つの終日予定で、それぞれ9時に通知します。
Google カレンダー、Outlook、Apple のカレンダー、Thunderbird に取り込めます。
同じ証明書のファイルを取り込み直すと、予定は増えずに更新されます。

オプション:
  -o, --output ファイル 標準出力の代わりにこのファイルに書く
  --force               ファイルがあっても上書きする
` + jaReaderFlags + `  --json                問題をスクリプト向けにJSONで出力
  --lang LANG           予定とメッセージの言語
` + jaCardFlags + `
例:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `使い方:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang LANG]

カードを使わずに、指定した有効期限から更新できる期間を計算します。
更新の手続きは、有効期限の3か月前の日の翌日から、有効期限の日までできます。
3か月前の月に同じ日がない場合は、その月の末日を使います(5月31日 → 3月1日から)。
電子証明書の有効期限は、発行の日の後の5回目の誕生日です。更新できる期間に
更新した場合は、6回目の誕生日になります。ただし、カードの有効期限を超える
ことはありません。

オプション:
  --expiry YYYY-MM-DD   電子証明書の有効期限(必須)
  --today YYYY-MM-DD    この日を「今日」として計算(省略時は日本時間の今日)
  --months N            受付期間の月数(既定は3)
  --json                文章の代わりにJSONを1つ出力
  --lang LANG           表示する言語

例:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

終了コード: 0 まだ期間前、3 更新できる期間中、4 期限切れ、2 入力の誤り。
`,
	HelpVersion: `使い方:
  jpkicheck version [-v]

jpkicheck のバージョン、ビルドに使った Go のバージョン、動いている
システムを表示します。

オプション:
  -v                    ビルドに使ったモジュールとビルドの設定も表示

例:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("'jpkicheck %s' のことですか?", command)
	},
	// Behaviour (office days, card expiry, clock, errors).
	LabelOfficeDays: "窓口の受付日",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s〜%s", jaDate(first), jaDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("有効期限の%sは市区町村の窓口の閉庁日です。窓口で手続きできる最後の日は%sです。", jaDate(w.Expiry), jaDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "カード本体の有効期限は、カードの表面に印字されています。電子証明書の有効期限と同じ日か近い日であれば、電子証明書の更新ではなくカードの更新が必要です(jpkicheck check --card-expiry 日付 で確認できます)。",
	LabelCardExpiry: "カードの有効期限",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("カード本体の有効期限が%sで切れています。電子証明書は、カードの有効期限を過ぎて使うことはできません。新しいカードについては、市区町村の窓口にお問い合わせください。", jaDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("カード本体の有効期限は%sで、電子証明書より後です。電子証明書の更新だけで足ります。カードの更新は%sから申請できます。", jaDate(r.Expiry), jaDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("電子証明書の有効期限がカードの有効期限(%s)と同じか近いため、電子証明書の更新ではなく、カードの更新(新しいカードの申請)が必要です。%sまで申請できます。新しいカードを受け取るまでおよそ1か月かかります。申請には有効期限通知書に同封の交付申請書を使えます。手数料は無料です。", jaDate(r.Expiry), jaDate(r.Expiry))
		}
		return fmt.Sprintf("電子証明書の有効期限がカードの有効期限(%s)と同じか近いため、電子証明書の更新ではなく、カードの更新(新しいカードの申請)が必要です。カードの更新は、有効期限の3か月前の日の翌日、%sから申請でき、新しいカードを受け取るまでおよそ1か月かかります。申請には有効期限通知書に同封の交付申請書を使えます。手数料は無料です。", jaDate(r.Expiry), jaDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("電子証明書の発行日が%sで、このコンピューターの今日(%s)より後になっています。コンピューターの日付が正しくないため、更新についてのお答えは表示しません。", jaDate(notBefore), jaDate(today))
	},
	ClockWrongHint: "コンピューターの日付と時刻を正しく設定して(または --today を直して)から、もう一度実行してください",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("電子証明書の有効期限は%sで切れているため、お知らせの日はすべて過ぎています。カレンダーファイルは作成しませんでした。市区町村の窓口で、無料で新しい電子証明書の発行を受けられます。", jaDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("お知らせの日はすべて過ぎているため、カレンダーファイルは作成しませんでした。現在、更新の受付期間中です。窓口で手続きできる最後の日は%sです。", jaDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `その他のオプション:
  --office ファイル     窓口ファイルの臨時開庁日・休業日も数える
                        (jpkicheck kiosk --help を参照)
  --card-expiry 日付    カード表面に印字されたカード本体の有効期限。カードの
                        更新が必要かどうかをお知らせします

--expiry と --card-expiry は 2027/3/15、2027年3月15日、令和9年3月15日 の形でも書けます(数字は全角でも構いません)。
`
		case "check", "demo":
			return `その他のオプション:
  --card-expiry 日付    カード表面に印字されたカード本体の有効期限。カードの
                        更新が必要かどうかをお知らせします(2027-03-15、
                        2027/3/15、令和9年3月15日 の形で書けます)
`
		case "":
			return "バージョン: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("模擬カードの利用者証明用電子証明書の暗証番号(数字4桁)は %s、署名用電子証明書の暗証番号(英数字)は %s です。試すには: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("--sim %s のことですか?", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait の「%s」は時間の長さとして読めません。半角で書いてください。例: --wait 30s(2分なら 2m、待たないなら 0)", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("%s に書き込めません。フォルダーがありません。先にフォルダーを作るか、今あるフォルダーのファイル名を指定してください。例: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("%s に書き込めません。そのフォルダーに書き込む権限があるかご確認ください。例: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "ファイルがありません"
		case "not_pem":
			return "PEM形式(-----BEGIN CERTIFICATE-----)の認証局の証明書が入っていません"
		}
		return "ファイルを読めません"
	},
	ErrorHint: "繰り返し起きる場合は、同じコマンドに --trace を付けて実行し、表示された内容をお知らせください(暗証番号、シリアル番号、個人の情報は伏せられます)",
}

func jaProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "スマートカードのサービス(PC/SC)が動いていません。"
	case NoReader:
		return "カードリーダーが見つかりません。"
	case NoCard:
		return "カードリーダーにカードがありません。"
	case UnknownReader:
		return fmt.Sprintf("「%s」に当てはまるカードリーダーがありません。接続されているリーダー: %s。", d.Reader, strings.Join(d.Readers, "、"))
	case CardRemoved:
		return "読み取りの途中でカードが外れました。"
	case CardInUse:
		return "ほかのプログラムがカードを使用中です。"
	case CardMute:
		return "リーダーのカードが応答しません。"
	case CardTimeout:
		return "カードの応答が止まりました。"
	case NotJPKI:
		return "このカードはマイナンバーカードではないようです(電子証明書の機能が見つかりません)。"
	case JukiCard:
		return "これは住民基本台帳カード(住基カード)です。マイナンバーカードではありません。"
	case Smartphone:
		return "これはスマートフォン用電子証明書です。マイナンバーカードではありません。"
	case UnknownToken:
		return fmt.Sprintf("このカードには、jpkicheck の知らない種類の電子証明書の機能があります(%q)。", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "このマイナンバーカードには署名用電子証明書が入っていません。"
		}
		return "このマイナンバーカードには利用者証明用電子証明書が入っていません。"
	case Malformed:
		return "カードの電子証明書を正しく読み取れませんでした。"
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("カードは%sをロック中と返しています。顔認証マイナンバーカード(暗証番号を設定しないカード)であれば、この表示になります。", jaPINName(d.PIN))
		}
		return fmt.Sprintf("%sはロックされています。", jaPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("%sが違います。残り%d回です。", jaPINName(d.PIN), d.TriesLeft)
	case PINLastTry:
		return fmt.Sprintf("%sは残り1回のため、カードに送りませんでした。", jaPINName(d.PIN))
	case PINDeclined:
		return "カードには何も送っていません。"
	case PINMissing:
		return "標準入力に暗証番号がありませんでした。カードには何も送っていません。"
	case Cancelled:
		return "中止しました。"
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "署名用の暗証番号には、半角の英字(A〜Z)と数字の両方が、それぞれ1文字以上入ります。カードには何も送っていません。"
			}
			return "署名用の暗証番号は、半角の英字(A〜Z)と数字を組み合わせた6〜16文字です。カードには何も送っていません。"
		}
		return "利用者証明用の暗証番号は、半角の数字4桁です。カードには何も送っていません。"
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return jaNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("このカードには%sが設定されていません。顔認証マイナンバーカードは、暗証番号を設定しないカードです。", jaPINName(d.PIN))
	case PINBusy:
		return "カードによると、暗証番号はほかのプログラムによって確認済みの状態のため、残り回数がわかりません。カードには何も送っていません。"
	case CardLink:
		return "カードとの通信に失敗しました。"
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "問題が発生しました。"
}

func jaHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "準備ができたら、もう一度実行してください"
	case NoService:
		switch goos {
		case "windows":
			return "「Smart Card」サービスを開始するか(services.msc)、リーダーを挿し直してください"
		case "darwin":
			return "リーダーを挿し直してください。macOS ではサービスが自動で動きます"
		}
		return "起動してください: sudo systemctl start pcscd.socket(Debian/Ubuntu では sudo apt install pcscd)"
	case NoReader:
		return "USB のカードリーダー(接触型、または PaSoRi などの NFC リーダー)を接続してください。NFC リーダーはドライバーが必要な場合があります"
	case NoCard:
		return "カードを差し込むか(ICチップ側から、表を上に)、NFC リーダーに平らに置いてから、もう一度実行してください。--wait 60s で長く待ちます"
	case UnknownReader:
		return "'jpkicheck readers' で名前を確認し、その一部を --reader に指定してください"
	case CardRemoved:
		return "カードを戻して、もう一度実行してください。NFC リーダーでは、結果が出るまでカードを動かさないでください"
	case CardInUse:
		return "カードを使うほかのプログラム(公的個人認証サービス 利用者クライアントソフト、e-Tax、ブラウザーのログインなど)を閉じてから、もう一度実行してください"
	case CardMute:
		return "カードを抜いて、ICチップ側から表を上にして差し直してください。チップの汚れを軽く拭くと直ることがあります"
	case CardTimeout:
		return "カードを抜いて差し直し、もう一度実行してください。続く場合は別のリーダーを試してください"
	case NotJPKI:
		return "マイナンバーカード(個人番号カード)を入れてください。銀行や交通系のICカードには電子証明書はありません"
	case JukiCard:
		// advice: juki-card
		return "住基カードの電子証明書は新しく発行されません。電子証明書が必要な場合は、マイナンバーカードを申請してください"
	case Smartphone:
		// advice: smartphone-not-card
		return "スマホ用電子証明書の有効期限は、マイナポータルアプリで確認できます。jpkicheck はカードそのものを読みます"
	case UnknownToken, Malformed:
		return "カードを差し直して、もう一度実行してください。続く場合は、市区町村の窓口にご相談ください"
	case NoCertificate:
		// advice: sign-revoked-change
		return "発行されていないか、失効しています。必要な場合は、市区町村の窓口で新しく発行を受けてください"
	case PINLocked:
		hint := strings.TrimSuffix(jaPINReset, "。")
		if d.MaybeNoPIN {
			return "顔認証マイナンバーカードでなければ、" + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheck が自動でやり直すことはありません。自信がなければ試さずに、暗証番号の再設定(初期化)を受けてください"
	case PINLastTry:
		// advice: pin-reset-office
		return "確かなら --force を付けてもう一度実行してください。そうでなければ、暗証番号の再設定(初期化)を受けてください"
	case PINMissing:
		return "標準入力に1行で渡してください: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINFormat:
		return "半角で入力してください(小文字や全角の英数字は、半角の大文字に直して送ります)。回数は減っていません"
	case PINNotSet:
		return "カードには何も送っていないため、回数は減っていません"
	case PINBusy:
		return "カードを使うほかのプログラムを閉じ、カードを取り出して入れ直してから、もう一度お試しください"
	case CardLink:
		return "カードをリーダーに戻し、結果が表示されるまで動かさずに置いたまま、もう一度実行してください"
	case PINDeclined:
		return "求められたら暗証番号を入力してください。スクリプトからは標準入力で渡せます(printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth)"
	}
	return "--trace を付けて実行すると各手順を表示します。続く場合は問題を報告してください"
}

// jaPINName names a PIN the way municipal pages do, with its form; the
// card has two more 4-digit PINs, so "the 4-digit PIN" alone would not say
// which.
func jaPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "署名用の暗証番号(英数字6〜16桁)"
	}
	return "利用者証明用の暗証番号(数字4桁)"
}

// advice: child-no-sign
const jaNoSignCert = "このカードには署名用電子証明書が入っていないため、署名用電子証明書の暗証番号もありません。" +
	"15歳未満の方のカードや顔認証マイナンバーカードには入っていません。"

// jaFaceAuth is said where a card may be a face-authentication card.
const jaFaceAuth = "" +
	// advice: faceauth-what
	"顔認証マイナンバーカード(暗証番号を設定しないカード)であれば、この表示になります。" +
	// advice: faceauth-cannot
	"顔認証マイナンバーカードでは、コンビニ交付、マイナポータル、e-Taxなど、暗証番号の入力が必要なサービスは使えません。" +
	// advice: faceauth-switch-back
	"市区町村の窓口で、暗証番号を設定した通常のカードに戻すこともできます。"

// jaPINReset is where a locked PIN is reset.
const jaPINReset = "" +
	// advice: pin-reset-office
	"市区町村の窓口で再設定(初期化)を受けられます。マイナンバーカードと本人確認書類をお持ちください。" +
	// advice: pin-reset-convenience
	"もう一方の暗証番号が分かり、電子証明書が有効期限内で失効していない場合は、スマートフォンのアプリ「JPKI暗証番号リセット」で予約した後、" +
	"24時間以内にコンビニなどのキオスク端末(マルチコピー機)でも再設定できます(カードのICチップを読み取れるスマートフォンが必要です)。"

const jaBringInPerson = "" +
	// advice: bring-in-person
	"マイナンバーカードをお持ちください。窓口で、利用者証明用電子証明書の暗証番号(数字4桁)と署名用電子証明書の暗証番号(英数字6〜16桁)を入力します。" +
	"窓口によっては住民基本台帳用の暗証番号(数字4桁)も入力します。" +
	// advice: bring-pin-unknown
	"暗証番号が分からない場合やロックされている場合は、窓口で先に暗証番号の再設定(初期化)をしてから更新します。本人確認書類(運転免許証など)もお持ちください。"

const jaBringByProxy = "" +
	// advice: proxy-before-expiry
	"ご本人のマイナンバーカード、有効期限通知書に同封の「照会書兼回答書」(ご本人が記入し、暗証番号を書いて封筒に入れ、封をしたもの)、" +
	"代理の方の顔写真付きの本人確認書類(マイナンバーカード、運転免許証、パスポートなど)をお持ちください。" +
	// advice: proxy-form-valid-until-expiry
	"照会書兼回答書は、電子証明書の有効期限の日まで使えます。"

// advice: proxy-no-form
const jaBringByProxyNoForm = "照会書兼回答書がない場合(有効期限が過ぎた場合など)、代理の方の申請を受け付けた後、市区町村からご本人あてに照会書が郵送されます。" +
	"ご本人が記入したものを代理の方が改めて持参するため、窓口に2回行くことになります。"

// advice: proxy-pin-reset
const jaBringByProxyPINReset = "暗証番号の再設定(初期化)を代理の方が行う場合は、その日には終わりません。" +
	"申請の後、ご本人あてに照会書兼回答書が郵送され、ご本人が記入したものを代理の方がもう一度持参します。"

// jaAdvice is what the situation means and what to do, a paragraph each.
func jaAdvice(s Situation) []string {
	var out []string
	office := "市区町村の窓口で"
	if !s.usualWindow() {
		office = "" // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("今は手続きの必要はありません。今日、%sに手続きすると、更新ではなく新しい発行の扱いになり、有効期限は%sになります。"+
				"%s以降に更新した場合の%sより%s短くなります。", jaDate(s.Today), jaDate(early), jaDate(s.Opens), jaDate(renewed), jaYearsMonths(lost)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("今は手続きの必要はありません。更新できる期間より前に手続きすると新しい発行の扱いになり、有効期限が短くなります。"+
				"%s以降の手続きをおすすめします。", jaDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "電子証明書の有効期限は、発行の日の後の5回目の誕生日です。更新できる期間(有効期限まで3か月未満)に更新した場合は、"+
				"6回目の誕生日になります。ただし、カードの有効期限を超えることはありません。")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := office + "更新の手続きをしてください。電子証明書の更新の手数料は無料です。"
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf("更新できる期間中に更新すると、新しい電子証明書の有効期限は%sになります。"+
					"期間中であれば、早めに手続きしても有効期限が短くなることはありません。", jaDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += "新しい電子証明書の有効期限は、窓口でご確認ください。"
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "新しい電子証明書の発行を受けるまで、マイナポータルへのログイン、コンビニ交付、e-Taxなどのオンライン手続きでカードを使うことができません。"
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("健康保険証としての利用(マイナ保険証)は、有効期限が切れた月の末日から3か月後の月末、%sまで続けられます。"+
					"この間、医療機関では保険の資格の確認はできますが、診療情報や薬剤情報の提供はされません。", jaDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("健康保険証としての利用(マイナ保険証)も、有効期限が切れた月の末日から3か月後の月末、%sで終わっています。", jaDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "有効期限が切れたため、e-Taxなどの電子申請で電子署名ができません。"+
				"コンビニ交付や健康保険証としての利用には、署名用電子証明書は使いません。")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "有効期限が過ぎた後でも、"+office+"無料で新しい電子証明書の発行を受けられます。"+
			"新しい電子証明書は、発行の手続きからおよそ24時間後に使えるようになります。")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "引っ越しや結婚などで、氏名・住所・生年月日・性別が変わると、署名用電子証明書は自動的に失効します(利用者証明用電子証明書はそのまま使えます)。" +
			"失効した署名用電子証明書は、カードに残っていても使えません。"
		if office != "" {
			p += "必要な場合は、市区町村の窓口で新しく発行を受けてください。"
		}
		p += fmt.Sprintf("jpkicheck はカードの中身だけを読むため、署名用電子証明書が失効しているかどうかは分かりません。"+
			"%sまでの有効期限は、失効していない場合の期限です。", jaDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "在留期間の定めのある外国人住民の方は、有効期限が在留期間の満了日までのため、この計算は当てはまりません。"+
			"在留期間が更新されても有効期限は自動的には延びないため、新しい在留カードを受け取ったら、"+
			"カードの有効期限が過ぎる前に市区町村の窓口で有効期間の変更の手続きをしてください。")
	}
	return out
}

func jaUnknownCard(card string) string {
	if card == "unknown" {
		return "種類の分からない公的個人認証のカード"
	}
	return ""
}

// jaCheckFlags are check's own flags, which demo takes too.
const jaCheckFlags = `  --quick               有効期限だけ読み、発行元の確認を省く
  --sign                署名用電子証明書も読む(署名用の暗証番号を尋ねます)
  --force               --sign のとき: 残り1回でも暗証番号を送る
  --show-personal       --sign のとき: 証明書にある氏名・住所・生年月日・性別も表示
`

// jaReaderFlags choose the reader and how long to wait for a card.
const jaReaderFlags = `  --reader 名前         名前にこの文字を含むリーダーを使う(省略時: カードの入った
                        最初のリーダー。なければカードを待つ)
  --wait 時間           カードを待つ時間(既定 30s。0 は待たない)
`

// jaCardFlags are the rest of the card flags every command that reads a
// card takes.
const jaCardFlags = `  --sim [プロファイル]  リーダーの代わりに内蔵の模擬カードを使う
  --trace               カードに送る命令をすべて表示(暗証番号は伏せ字)
  --trust-ca ファイル   この認証局の証明書(PEM)も認める
  --today YYYY-MM-DD    この日を「今日」として計算(省略時は日本時間の今日)
  --months N            受付期間の月数(既定は3)
`
