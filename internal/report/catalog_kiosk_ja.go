package report

import "fmt"

var jaKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "マイナンバーカード 電子証明書の有効期限チェック",
		LangButton:      "English",
		LangButtonLabel: "Show this page in English",

		Insert:     "マイナンバーカードをカードリーダーに置いてください",
		InsertNote: "暗証番号の入力は必要ありません。",
		Privacy:    "カードの情報は保存しません。カードを取ると、画面から消えます。",

		Reading:     "カードを読み取っています…",
		ReadingNote: "終わるまでカードを動かさないでください。",
		ReadingRest: "続きを読み取っています…",

		TakeCard:     "カードをお取りください",
		TakeCardNote: "お取り忘れにご注意ください。",

		NoReader:      "カードリーダーが接続されていません",
		NoReaderNote:  "係員にお知らせください。接続されると自動で始まります。",
		NoService:     "カードを読み取る機能が止まっています",
		NoServiceNote: "係員にお知らせください。復旧すると自動で始まります。",
		Reconnecting:  "画面を再接続しています…",

		RetryHint: "カードを一度取り出し、向きを確かめて、もう一度置いてください。",
		StaffHint: "何度も続く場合は、係員にお知らせください。",

		BadgeNotYetOpen: "有効です",
		BadgeOpen:       "更新できます",
		BadgeExpired:    "期限切れ",
		BadgeError:      "確認できませんでした",
		WarningLabel:    "ご注意",

		TimelineTitle:  "更新できる期間と今日",
		TimelineOpens:  "受付開始",
		TimelineExpiry: "有効期限",
		TimelineToday:  "今日",

		OfficeTitle:   "手続きの窓口",
		OfficeExample: "表示例です(この端末の窓口情報はまだ設定されていません)",
		OfficeCounter: "窓口",
		OfficeFloor:   "場所",
		OfficeHours:   "受付時間",
		OfficePhone:   "電話",

		BadgeLocked:     "暗証番号がロック中",
		BadgeLastTry:    "暗証番号 残り1回",
		DecisionBy:      "いつまでに",
		DecisionWhere:   "どこで",
		ByLastOfficeDay: "(窓口が開いている最後の日)",
		ByExpiry:        "(有効期限の日)",
		ExampleShort:    "(表示例)",
		MoreBelow:       "下に詳しい説明があります",
		BiggerText:      "文字を大きく",
		NormalText:      "文字を元の大きさに",
		TimelineBefore:  "受付前",
		TimelineAfter:   "期限切れ",
		TouchToKeep:     "続けて読むときは、画面に触れてください。",
		Details:         "くわしく",
	},

	HelpKiosk: `使い方:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office ファイル] [--reader 名前] [--linger 60s] [--quick] [--browser]

市役所のロビーなどに置く端末のために、全画面のページを配信するサーバーを起動します。
カードを置くとすぐに結果を表示し、カードを取ると画面から消えます。暗証番号の入力はなく、
個人の情報は読まず、何も保存しません。表示されたアドレスをブラウザーの全画面
(キオスクモード)で開くか、--browser で起動させてください。Ctrl+C で終了します。
ログの各行は日付と時刻で始まり、来庁者の日付は記録しません。

オプション:
  --listen アドレス     待ち受けるアドレス(既定 127.0.0.1:8080。ほかの端末から届く
                        アドレスには --allow-lan が必要です)
  --allow-lan           ほかの端末から届くアドレスを許可する。ページ・API・/metrics
                        には起動時に表示するトークンが必要になります
  --token-file ファイル そのトークンをファイルから読む(再起動しても同じ。監視用)。
                        省略時は起動のたびに新しく作ります
  --browser             配信を始めたら Chromium・Chrome・Edge を全画面で起動し、
                        終了したら起動し直し、終了時に閉じる
  --browser-path ファイル --browser で起動するブラウザー
  --office ファイル     窓口の案内(窓口・場所・受付時間・電話)を書いたファイル。
                        省略時は「表示例」と明示した例を表示します
  --reader 名前         名前にこの文字を含むリーダーだけを使う
  --linger 時間         結果を表示してから「カードをお取りください」に変わるまで(既定 60s。指定がなければ窓口ファイルの reading_time)
  --quick               有効期限だけ読み、発行元の確認を省く
  --lang LANG           最初に表示する言語(既定 ja)
  --sim [プロファイル]  内蔵の模擬カードを置いた状態で起動(展示・確認用)
  --trust-ca ファイル   この認証局の証明書(PEM)も認める
  --today YYYY-MM-DD    この日を「今日」として計算
  --months N            受付期間の月数(既定は3)
  --trace               カードに送る命令をすべて表示(暗証番号は送りません)
  --json                アドレスをスクリプト向けにJSONで出力

例:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `使い方:
  jpkicheck ui [--no-browser] [--reader 名前] [--quick] [--sim [プロファイル]]

キオスクと同じページを自分のパソコンで表示します。このパソコンからだけ開ける、
起動のたびに変わるアドレスでサーバーを起動し、既定のブラウザーで開きます。
Ctrl+C で終了します。

オプション:
  --no-browser          ブラウザーを開かず、アドレスだけを表示
  --reader 名前         名前にこの文字を含むリーダーだけを使う
  --linger 時間         結果を表示してから「カードをお取りください」に変わるまで(既定 60s。指定がなければ窓口ファイルの reading_time)
  --quick               有効期限だけ読み、発行元の確認を省く
  --lang LANG           最初に表示する言語
  --sim [プロファイル]  リーダーの代わりに内蔵の模擬カードを使う
  --trust-ca ファイル   この認証局の証明書(PEM)も認める
  --today YYYY-MM-DD    この日を「今日」として計算
  --months N            受付期間の月数(既定は3)
  --trace               カードに送る命令をすべて表示(暗証番号は送りません)
  --json                アドレスをスクリプト向けにJSONで出力

例:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("キオスクの画面を配信しています: %s (Ctrl+C で終了)", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("警告: %s で待ち受けます。ネットワーク上のほかの端末からもこの画面を開けます。"+
			"ロビーの端末だけで表示するなら --listen 127.0.0.1:8080 にしてください。", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("ブラウザーで開きます: %s (Ctrl+C で終了)", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("ブラウザーを開けませんでした。このアドレスを開いてください: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("--listen %s で待ち受けできません(%s)。例: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger の「%s」は 0 以上の時間で指定してください。例: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("「%s」という項目はありません(「%s」のことですか?)", p.Field, p.Suggest)
			}
			return fmt.Sprintf("「%s」という項目はありません(使える項目: %s)", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("「%s」の言語の指定が違います(項目名、項目名.ja、項目名.en のどれかにしてください)", p.Field)
		case "missing_equals":
			return fmt.Sprintf("「%s」の後に「=」がありません(項目名 = 値 の形で書いてください)", p.Field)
		case "missing_key":
			return "「=」の前に項目名がありません(項目名 = 値 の形で書いてください)"
		case "duplicate":
			return fmt.Sprintf("「%s」が2回書かれています(最初は%d行目)", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("「%s」に値がありません(「=」の後に値を書くか、行を消してください)", p.Field)
		case "too_long":
			return fmt.Sprintf("「%s」が%d文字を超えています", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("「%s」に制御文字が入っています", p.Field)
		case "bad_utf8":
			return "文字コードが UTF-8 ではありません(メモ帳の「名前を付けて保存」で文字コード UTF-8 を選んでください)"
		case "utf16":
			return "UTF-16 で保存されています(メモ帳の「名前を付けて保存」で文字コード UTF-8 を選んでください)"
		case "too_big":
			return fmt.Sprintf("ファイルが大きすぎます(%d KiB まで。窓口の案内は数行です)", p.Limit)
		case "no_fields":
			return fmt.Sprintf("項目が1つも書かれていません(使える項目: %s)", p.Known)
		case "unreadable":
			return fmt.Sprintf("読み込めません(%s)", p.Field)
		case "only_english":
			return fmt.Sprintf("「%s」に対応する日本語の項目がありません(英語だけでは日本語の画面が空になります)", p.Field)
		case "bad_date":
			return fmt.Sprintf("「%s」の「%s」は日付ではありません(YYYY-MM-DD の形で、例: 2027-03-27。複数はカンマで区切ります)", p.Field, p.Value)
		case "bad_range":
			return fmt.Sprintf("「%s」の「%s」は期間になっていません(開始..終了 の形で、早い日を先に、%d日以内)", p.Field, p.Value, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s が、この行の「%s」と %d 行目の両方にあります(開庁日か閉庁日のどちらかにしてください)", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("open_days と closed_days の日数が %d 日を超えています", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("「%s」の「%s」は on か off で指定してください", p.Field, p.Value)
			}
			return fmt.Sprintf("「%s」の「%s」は 1〜%d の秒数で指定してください(例: %s = 60)", p.Field, p.Value, p.Limit, p.Field)
		}
		return "読み取れない行です"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("%s では待ち受けません。ネットワーク上のほかの端末から、来庁者一人ひとりの結果が見えてしまいます。"+
			"ロビーの端末だけで使うときは --listen 127.0.0.1:8080 としてください。ほかの端末に意図して見せるときは "+
			"--allow-lan を付けてください(ページには起動時に表示するトークンが必要になります)。", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("このページはネットワーク上のほかの端末から開けます。開くにはトークンが必要です: %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("このパソコンの時計が %s になっており、正しくありません。日付と時刻を正しく合わせるまで、"+
			"結果は表示しません(職員の方へ: 時計と時刻同期の設定を確認してください)。", now)
	},
	NoBrowser: "--browser で使うブラウザー(Chromium、Google Chrome、Microsoft Edge)が見つかりません。インストールするか、--browser-path で指定してください",
}
