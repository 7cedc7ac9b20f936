package report

import (
	"fmt"

	"github.com/jpkicheck/jpkicheck/internal/window"
)

func jaDate(d window.Date) string {
	return fmt.Sprintf("%s(%s)", d.Japanese(), d.JaWeekday())
}

func jaDateEra(d window.Date) string {
	if ey := d.EraYear(); ey != "" {
		return fmt.Sprintf("%s(%s)", d.Japanese(), ey)
	}
	return d.Japanese()
}

var ja = Catalog{
	Lang:    Ja,
	Date:    jaDate,
	DateEra: jaDateEra,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("まだ更新の受付期間ではありません。受付は明日、%sから始まります。", jaDateEra(w.Opens))
		}
		return fmt.Sprintf("まだ更新の受付期間ではありません。受付は%sから、あと%d日で始まります。", jaDateEra(w.Opens), w.DaysUntilOpen)
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("更新受付中です。今日、%sが受付の最終日です。", jaDateEra(w.Expiry))
		}
		return fmt.Sprintf("更新受付中です。受付は%sまで、あと%d日です。", jaDateEra(w.Expiry), w.DaysLeft)
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("有効期限が切れています。昨日、%sで期限が切れました。", jaDateEra(w.Expiry))
		}
		return fmt.Sprintf("有効期限が切れています。%sで期限が切れ、%d日たちました。", jaDateEra(w.Expiry), w.DaysSinceExpiry)
	},
	AdviceNotYetOpen: func(w window.Window) string {
		return "今は手続きの必要はありません。受付開始より前に手続きすると再発行になり、新しい証明書の有効期限が約1年短くなります。"
	},
	AdviceOpen: func(w window.Window) string {
		return "市区町村の窓口で、無料で更新できます。受付期間中に更新すれば、損はありません。"
	},
	AdviceExpired: func(w window.Window) string {
		return "窓口で新しい証明書を無料で発行できます(使えるのは翌開庁日から)。" +
			"それまでは、コンビニ交付、e-Tax、健康保険証としての利用ができません。"
	},

	LabelExpiry: "有効期限",
	LabelWindow: "更新できる期間",
	LabelToday:  "今日",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s〜%s", jaDate(opens), jaDate(closes))
	},
	MonthsNote: func(months int) string {
		return fmt.Sprintf("受付期間を有効期限の%dか月前からとして計算しています(国外転出者の場合)。", months)
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
	HintHelp: func(command string) string {
		return fmt.Sprintf("'jpkicheck %s--help' でコマンドとオプションの一覧を表示します", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "ヒント: ",

	HelpMain: `jpkicheck は、マイナンバーカードの電子証明書の有効期限と、
更新できる期間に入っているかどうか、窓口に持っていくものをお知らせします。

使い方:
  jpkicheck [コマンド] [オプション]

コマンド:
  window     有効期限の日付から更新できる期間を計算(カード不要)
  version    バージョンを表示

例:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json

終了コード:
  0  問題なし(まだ更新期間前)          4  有効期限切れ
  1  その他のエラー                    5  PC/SCサービス・リーダー・カードが見つからない
  2  使い方または入力の誤り            6  マイナンバーカードではない
  3  更新できる期間中                  7  暗証番号がロック中、または拒否された

言語: --lang ja|en。指定がなければ LC_ALL・LC_MESSAGES・LANG から決めます(ja_* なら日本語)。
各コマンドのオプションは 'jpkicheck コマンド --help' で表示します。
`,
	HelpWindow: `使い方:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang ja|en]

カードを使わずに、指定した有効期限から更新できる期間を計算します。
更新の受付は「有効期限の3か月前の翌日」から有効期限の日までです。
3か月前の月に同じ日がない場合は、その月の末日を使います(5月31日 → 3月1日から)。

オプション:
  --expiry YYYY-MM-DD   電子証明書の有効期限(必須)
  --today YYYY-MM-DD    この日を「今日」として計算(省略時は日本時間の今日)
  --months N            受付期間の月数(既定は3。国外転出者は12)
  --json                文章の代わりにJSONを1つ出力
  --lang ja|en          表示する言語

例:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

終了コード: 0 まだ期間前、3 更新できる期間中、4 期限切れ、2 入力の誤り。
`,
}
