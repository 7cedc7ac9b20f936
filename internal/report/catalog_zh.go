package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The Simplified Chinese catalogue is translated from the Japanese one and
// is to be reviewed by the office before use (docs/languages.md). Official
// Japanese terms follow their translation in parentheses the first time in
// a sentence, so that a resident can show the screen at the counter.

var zhWeekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// zhDate is the long date as Chinese readers write it: 2027年1月10日（星期日）.
func zhDate(d window.Date) string {
	return fmt.Sprintf("%s（%s）", d.Japanese(), zhWeekdays[d.Weekday()])
}

// zhDateEra is a date of birth: 1990年5月1日（平成2年）, the era year being
// what Japanese documents print.
func zhDateEra(d window.Date) string {
	if ey := d.EraYear(); ey != "" {
		return fmt.Sprintf("%s（%s）", d.Japanese(), ey)
	}
	return d.Japanese()
}

// zhSpan says a duration in days while it is short and in years and months
// once it is long.
func zhSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return fmt.Sprintf("%d天", to.DaysSince(from))
	}
	return zhYearsMonths(sp)
}

// zhYearsMonths renders whole years and months: 1年, 2年9个月, 5个月.
func zhYearsMonths(sp window.Span) string {
	var b strings.Builder
	if sp.Years > 0 {
		fmt.Fprintf(&b, "%d年", sp.Years)
	}
	if sp.Months > 0 || sp.Years == 0 {
		fmt.Fprintf(&b, "%d个月", sp.Months)
	}
	return b.String()
}

var zh = Catalog{
	Lang:    Zh,
	Date:    zhDate,
	DateEra: zhDateEra,
	Kiosk:   zhKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("现在还不是可以更新的期间。更新受理将于明天，即%s开始。", zhDate(w.Opens))
		}
		return fmt.Sprintf("现在还不是可以更新的期间。更新受理将于%s开始（还有%s）。", zhDate(w.Opens), zhSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("现在是可以更新的期间。今天，即%s是有效期限的日子，也是可以更新的最后一天。", zhDate(w.Expiry))
		}
		return fmt.Sprintf("现在是可以更新的期间。距离有效期限%s还有%s。", zhDate(w.Expiry), zhSpan(w.Today, w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("有效期限已于昨天，即%s到期。", zhDate(w.Expiry))
		}
		return fmt.Sprintf("有效期限已于%s到期（自到期起已过%s）。", zhDate(w.Expiry), zhSpan(w.Expiry, w.Today))
	},
	Advice: zhAdvice,

	LabelExpiry: "有效期限",
	LabelWindow: "可以更新的期间",
	LabelToday:  "今天",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s～%s", zhDate(opens), zhDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("按照从有效期限前%d个月起受理进行计算。", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += "有些市区町村告知，居住在国外的人士可以从有效期限的1年前起更新。"
		}
		return note
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("请为 %s 指定日期。例: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s 的“%s”这一天不存在。例: %s 2027-03-15", flag, err.Input, flag)
		case window.YearRange:
			return fmt.Sprintf("%s 的“%s”超出范围（%d年～%d年）。例: %s 2027-03-15", flag, err.Input, window.MinYear, window.MaxYear, flag)
		}
		return fmt.Sprintf("%s 的“%s”不是 YYYY-MM-DD 的格式。例: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("请指定 %s。例: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months 的“%s”：请用1～24的整数指定。例: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("不支持 --lang 的“%s”。例: --lang ja 或 --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("没有 %s 这个选项", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s 需要一个值", flag)
		}
		return fmt.Sprintf("%s 需要一个值。例: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("有多余的参数: %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("没有“%s”这个命令", name)
	},
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("无法读取 --trust-ca %s（%s）。例: --trust-ca test-ca.pem（认证机构证书的PEM文件）", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim 没有“%s”这个模拟卡配置。配置: %s。例: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("用 'jpkicheck %s--help' 显示命令和选项的一览", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "提示: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "签名用电子证书（署名用電子証明書，用于e-Tax等电子申请的证书）"
		}
		return "用户身份验证用电子证书（利用者証明用電子証明書，用于登录等的证书）"
	},
	LabelIssuer: "发行机构",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "确认中…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("地方公共团体信息系统机构（J-LIS）。已用内置的J-LIS认证机构（%d年）确认签名", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "已用模拟卡用的测试认证机构（不是J-LIS）确认签名"
			}
			return "已用指定的认证机构确认签名（" + r.caName() + "）"
		case jpki.TrustCardCA:
			return "这是内置列表中没有的JPKI认证机构。已用卡中保存的认证机构证书确认签名"
		case jpki.TrustInvalid:
			return "签名与发行机构的认证机构证书不一致。卡可能已损坏。请到市区町村窗口（市区町村の窓口）咨询"
		case jpki.TrustUnknownIssuer:
			return "这是不明的认证机构。卡中也没有用于确认的认证机构证书"
		}
		return "未确认（--quick）"
	},
	LabelPINs: "密码的剩余次数",
	PINName:   zhPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "不明（卡没有返回次数）"
		case p.NotSet():
			return "这张卡没有此密码"
		case p.verified():
			return "目前处于已确认状态（不显示次数）"
		case p.Locked:
			return "已锁定"
		}
		return fmt.Sprintf("剩余%d次（最多%d次）", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := zhPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return zhNoSignCert +
				// advice: proxy-legal-rep
				"未满15岁者的手续由亲权人等法定代理人办理。需要携带的物品请向窗口确认。"
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("这张卡没有设定%s。人脸认证个人编号卡（顔認証マイナンバーカード）是不设定密码的卡。", name)
		case p.verified():
			return fmt.Sprintf("根据卡的回应，%s目前处于已确认状态（这台电脑上的其他程序已输入）。使用完毕后，请关闭该程序或取出卡。", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("卡返回%s已锁定。", name) + zhFaceAuth + "如果不是人脸认证个人编号卡，" + zhPINReset
		case p.Locked:
			return fmt.Sprintf("%s已被锁定。", name) + zhPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("%s只剩1次。下次输错就会被锁定。如果没有把握，请不要输入，而是办理密码的重新设定（初始化）。", name)
		}
		return ""
	},
	LabelBring:           "在窗口办理手续",
	LabelInPerson:        "本人前往时",
	LabelByProxy:         "代理人前往时",
	BringInPerson:        zhBringInPerson,
	BringByProxy:         zhBringByProxy,
	BringByProxyNoForm:   zhBringByProxyNoForm,
	BringByProxyPINReset: zhBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("※ 这是 jpkicheck 内置模拟卡（配置: %s）的结果，不是真实的卡。", profile)
	},
	Reading: "正在读取卡…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "请连接读卡器，并放上个人编号卡（マイナンバーカード）…"
		}
		return fmt.Sprintf("请将个人编号卡（マイナンバーカード）放在读卡器上（%s）…", strings.Join(readers, "、"))
	},
	PersonalTitle:   "签名用电子证书（署名用電子証明書）中记录的本人信息（因指定了 --show-personal 而显示）",
	LabelName:       "姓名",
	LabelAltName:    "姓名（替代字符）",
	LabelBirthDate:  "出生日期",
	LabelSex:        "性别",
	LabelAddress:    "住址",
	LabelAltAddress: "住址（替代字符）",
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
		return fmt.Sprintf("请用半角输入%s（屏幕上不会显示）: ", zhPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("%s正确。剩余次数已恢复为%d次。", zhPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("请为 pin 指定 status，或 verify auth|sign（而不是“%s”）。例: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "请立即从读卡器取出卡。无法解除已输入密码的已确认状态。在取出之前，其他程序可能会使用这张卡。",
	ForceOnlyForVerify: "--force 只能在会消耗次数的 pin verify 时指定。例: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("请为 export 指定 auth、sign、auth-ca、sign-ca 中的一个（而不是“%s”）。例: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("不支持 --format 的“%s”。例: --format pem（或 der、p7b）", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s 是二进制格式，不输出到终端。例: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s 已经存在。除非加上 --force，否则不会覆盖。例: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("已将 %s 的证书保存到 %s。", what, path)
	},
	SignExportWarning: "签名用电子证书（署名用電子証明書）包含姓名、住址、出生日期和性别。请不要将文件交给他人，不再需要时请删除。",
	ICSCalendarName:   "个人编号卡的电子证书",
	ICSOpensSummary: func(w window.Window) string {
		return "个人编号卡（マイナンバーカード）的电子证书: 从今天起可以更新"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("从今天起到%s，可以在市区町村窗口（市区町村の窓口）更新电子证书。更新的手续费免费。\n\n"+
			"本人前往时: %s\n代理人前往时: %s", zhDate(w.Expiry), zhBringInPerson, zhBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("距离电子证书的有效期限还有1周（%s）", zhDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("电子证书的有效期限是%s。如果还没有更新，请在此之前到市区町村窗口（市区町村の窓口）办理手续。"+
			"过期后，在领取新的电子证书之前，无法在便利店证明书发放服务、e-Tax等中使用这张卡。", zhDate(w.Expiry))
	},
	ICSAlreadyOpen: "也包含已经过去日期的提醒。",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("已将提醒保存到 %s。用日历应用程序打开即可导入。", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "没有卡"
		case problem != "":
			return "无法确认种类的卡: " + strings.TrimSuffix(zhProblem(Details{Problem: Problem(problem)}), "。")
		}
		return map[string]string{
			"my_number_card":     "个人编号卡（マイナンバーカード）",
			"juki_card":          "居民基本台账卡（住基カード）",
			"smartphone_android": "智能手机用电子证书（Android）",
			"smartphone_ios":     "智能手机用电子证书（iPhone）",
		}[card] + zhUnknownCard(card)
	},
	HelpReaders: `用法:
  jpkicheck readers [选项]

显示读卡器的一览，以及每台读卡器中是否有卡和卡的种类
（个人编号卡、住基卡等）。确认种类时只读取卡的识别信息，
不使用密码。

选项:
  --reader 名称         只显示名称中包含此文字的读卡器
  --wait 时间           先等待卡，最长到该时间（默认立即显示一览）
  --json                为脚本输出一个JSON
  --lang LANG           显示的语言（省略时根据 LC_ALL・LC_MESSAGES・LANG）
` + zhCardFlags + `
例:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: zhProblem,
	ProblemHint:    zhHint,

	HelpMain: `jpkicheck 告知个人编号卡（マイナンバーカード）电子证书的有效期限、
是否已进入可以更新的期间，以及需要带到窗口的物品。

用法:
  jpkicheck [命令] [选项]

命令:
  check      读取卡并显示结果（默认命令。不需要密码）
  pin        显示密码的剩余次数（次数不会减少）。用 pin verify auth|sign 确认
  export     将证书写入文件（pem、der、p7b）
  ics        提醒更新日期的日历文件
  readers    读卡器及其中的卡的一览
  kiosk      面向市政府大厅的全屏页面
  ui         在家中的浏览器显示同一页面
  window     根据有效期限的日期计算可以更新的期间（不需要卡）
  demo       用内置的模拟卡执行全部检查流程
  version    显示版本（-v 同时显示模块的版本）

例:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

退出代码:
  0  没有问题（尚未到更新期间）        4  有效期限已过
  1  其他错误                          5  找不到PC/SC服务、读卡器或卡
  2  用法或输入有误                    6  不是个人编号卡
  3  在可以更新的期间中                7  密码已锁定或被拒绝

语言: --lang ja|en|ja-easy|zh|ko|pt|vi。未指定时根据 LC_ALL・LC_MESSAGES・LANG 决定（ja_* 为日语）。
各命令的选项用 'jpkicheck 命令 --help' 显示。
`,
	HelpCheck: `用法:
  jpkicheck [check] [选项]

读取读卡器上的个人编号卡（不需要密码），告知用户身份验证用电子证书的
有效期限、是否在可以更新的期间，以及2个密码的剩余次数。
卡的内容不会改变，密码的次数也不会减少。

选项:
` + zhCheckFlags + zhReaderFlags + `  --json                为脚本输出一个JSON
  --lang LANG           显示的语言（省略时根据 LC_ALL・LC_MESSAGES・LANG）
` + zhCardFlags + `
例:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

签名用电子证书在因搬家或结婚等导致姓名、住址、出生日期、性别发生变化时
会自动失效（用户身份验证用电子证书可以继续使用）。jpkicheck 只读取
卡的内容，因此无法知道是否已失效。

退出代码: 0 尚未到期间，3 在可以更新的期间中，4 已过期，7 密码已锁定，
5 没有服务、读卡器或卡，6 不是个人编号卡，2 输入有误，1 其他。
`,
	HelpDemo: `用法:
  jpkicheck demo [选项]

用 jpkicheck 内置的模拟卡执行全部检查流程。
即使没有读卡器，也能确认居民会看到的内容。
默认的模拟卡处于可以更新的期间中。可用 --sim 选择其他配置
（一览在最后显示）。可以使用与 check 相同的选项（不需要指定读卡器）。

选项:
` + zhCheckFlags + `  --json                为脚本输出一个JSON
  --lang LANG           显示的语言（省略时根据 LC_ALL・LC_MESSAGES・LANG）
` + zhCardFlags + `
例:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "这是模拟卡。也可以试用其他卡: jpkicheck check --sim 配置（以下任一个）\n  " + profiles
	},
	HelpPIN: `用法:
  jpkicheck pin [status] [选项]
  jpkicheck pin verify auth|sign [--force] [选项]

pin status 显示2个密码的剩余次数。次数不会减少
（用空的 VERIFY 只向卡询问剩余次数）。

pin verify 在前往窗口之前确认您是否记得密码。
先显示剩余次数，然后询问密码（用半角输入。在终端中
不会显示。不是终端时读取标准输入的第一行）。只发送
1次，不会自动重试。只剩1次时，如果输错就会被锁定，
在办理重新设定（初始化）之前无法使用，因此除非加上 --force，
否则不发送。

  auth   用户身份验证用电子证书的密码（4位数字，最多3次）
  sign   签名用电子证书的密码（签名用密码。6～16位英文字母和数字，最多5次）

选项:
  --force               pin verify: 即使只剩1次也发送密码
` + zhReaderFlags + `  --json                为脚本输出一个JSON
  --lang LANG           显示的语言（省略时根据 LC_ALL・LC_MESSAGES・LANG）
` + zhCardFlags + `
例:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

退出代码: 0 没有问题・密码正确，7 已锁定・错误・未发送，
5 没有卡，6 不是个人编号卡，2 输入有误。
`,
	HelpExport: `用法:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o 文件] [--force] [选项]

将卡中的证书写入文件。
  auth      用户身份验证用电子证书（不需要密码）
  sign      签名用电子证书。会询问签名用密码。其中包含姓名、住址、出生日期、
            性别，请不要交给他人。
  auth-ca   卡中保存的用户身份验证用认证机构证书
  sign-ca   卡中保存的签名用认证机构证书

格式: pem（文本。默认。证书之后是认证机构）、der（一个证书的二进制）、
p7b（汇总证书和认证机构的 PKCS#7。可用 Windows 或 macOS 的证书查看器
打开）。二进制格式不输出到终端。

选项:
  --format pem|der|p7b  文件的格式（默认 pem）
  -o, --output 文件     写入此文件而不是标准输出
  --force               即使文件存在也覆盖（export 的 --force 不会使用最后
                        1次的密码。如需这样做，请使用
                        'jpkicheck pin verify sign --force'）
` + zhReaderFlags + `  --json                为脚本以JSON输出问题
  --lang LANG           显示的语言（省略时根据 LC_ALL・LC_MESSAGES・LANG）
` + zhCardFlags + `
例:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `用法:
  jpkicheck ics [-o 文件] [--force] [选项]

读取卡（不需要密码），将用户身份验证用电子证书的提醒写入
日历文件（iCalendar、.ics）。包括更新受理开始的日子和
有效期限1周前的2个全天日程，各在9点通知。
可导入 Google 日历、Outlook、Apple 日历、Thunderbird。
重新导入同一证书的文件时，日程不会增加，而是被更新。

选项:
  -o, --output 文件     写入此文件而不是标准输出
  --force               即使文件存在也覆盖
` + zhReaderFlags + `  --json                为脚本以JSON输出问题
  --lang LANG           日程和消息的语言
` + zhCardFlags + `
例:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `用法:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang LANG]

不使用卡，根据指定的有效期限计算可以更新的期间。
更新手续可以从有效期限3个月前那一天的次日起，到有效期限当天为止办理。
3个月前的那个月没有同一天时，使用该月的最后一天（5月31日 → 从3月1日起）。
电子证书的有效期限是发行日之后的第5个生日。在可以更新的期间
更新时，为第6个生日。但是，不会超过卡的有效期限。

选项:
  --expiry YYYY-MM-DD   电子证书的有效期限（必须）
  --today YYYY-MM-DD    以这一天为“今天”计算（省略时为日本时间的今天）
  --months N            受理期间的月数（默认为3）
  --json                输出一个JSON而不是文字
  --lang LANG           显示的语言

例:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

退出代码: 0 尚未到期间，3 在可以更新的期间中，4 已过期，2 输入有误。
`,
	HelpVersion: `用法:
  jpkicheck version [-v]

显示 jpkicheck 的版本、构建时使用的 Go 的版本，以及运行中的
系统。

选项:
  -v                    同时显示构建时使用的模块和构建设置

例:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("您是指 'jpkicheck %s' 吗？", command)
	},
	LabelOfficeDays: "窗口受理日",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s～%s（办公日）", zhDate(first), zhDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("有效期限%s是窗口的休息日。可以在窗口办理手续的最后一天是%s。", zhDate(w.Expiry), zhDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "卡本身的有效期限印在卡的正面。如果与电子证书的有效期限是同一天或相近的日子，需要的不是更新电子证书，而是更新卡（可用 jpkicheck check --card-expiry 日期 确认）。",
	LabelCardExpiry: "卡的有效期限",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("卡本身的有效期限已于%s到期。电子证书不能在超过卡的有效期限后使用。关于新卡，请向市区町村窗口（市区町村の窓口）咨询。", zhDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("卡本身的有效期限是%s，晚于电子证书。只需更新电子证书即可。卡的更新可从%s起申请。", zhDate(r.Expiry), zhDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("电子证书的有效期限与卡的有效期限（%s）相同或相近，因此需要的不是更新电子证书，而是更新卡（申请新卡）。可以申请到%s为止。领取新卡大约需要1个月。申请时可以使用有效期限通知书中附带的交付申请书。手续费免费。", zhDate(r.Expiry), zhDate(r.Expiry))
		}
		return fmt.Sprintf("电子证书的有效期限与卡的有效期限（%s）相同或相近，因此需要的不是更新电子证书，而是更新卡（申请新卡）。卡的更新可从有效期限3个月前那一天的次日，即%s起申请，领取新卡大约需要1个月。申请时可以使用有效期限通知书中附带的交付申请书。手续费免费。", zhDate(r.Expiry), zhDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("电子证书的发行日是%s，晚于这台电脑的今天（%s）。电脑的日期不正确，因此不显示关于更新的回答。", zhDate(notBefore), zhDate(today))
	},
	ClockWrongHint: "请正确设定电脑的日期和时间（或修改 --today）后，再执行一次",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("电子证书的有效期限已于%s到期，因此提醒的日子都已过去。没有创建日历文件。可以在市区町村窗口（市区町村の窓口）免费领取新的电子证书。", zhDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("提醒的日子都已过去，因此没有创建日历文件。现在是更新的受理期间。可以在窗口办理手续的最后一天是%s。", zhDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `其他选项:
  --office 文件         也计入窗口文件中的临时办公日和休息日
                        （参见 jpkicheck kiosk --help）
  --card-expiry 日期    卡正面印着的卡本身的有效期限。告知是否需要
                        更新卡

--expiry 和 --card-expiry 也可以写成 2027/3/15、2027年3月15日、令和9年3月15日 的形式（数字也可以是全角）。
`
		case "check", "demo":
			return `其他选项:
  --card-expiry 日期    卡正面印着的卡本身的有效期限。告知是否需要
                        更新卡（可写成 2027-03-15、
                        2027/3/15、令和9年3月15日 的形式）
`
		case "":
			return "版本: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("模拟卡的用户身份验证用电子证书的密码（4位数字）是 %s，签名用电子证书的密码（英文字母和数字）是 %s。试用方法: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("您是指 --sim %s 吗？", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait 的“%s”无法作为时间长度读取。请用半角书写。例: --wait 30s（2分钟为 2m，不等待为 0）", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("无法写入 %s。文件夹不存在。请先创建文件夹，或指定现有文件夹中的文件名。例: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("无法写入 %s。请确认是否有写入该文件夹的权限。例: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "文件不存在"
		case "not_pem":
			return "不包含PEM格式（-----BEGIN CERTIFICATE-----）的认证机构证书"
		}
		return "无法读取文件"
	},
	ErrorHint: "如果反复发生，请在同一命令后加上 --trace 执行，并告知显示的内容（密码、序列号、个人信息会被隐去）",
}

func zhProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "智能卡服务（PC/SC）没有运行。"
	case NoReader:
		return "找不到读卡器。"
	case NoCard:
		return "读卡器上没有卡。"
	case UnknownReader:
		return fmt.Sprintf("没有与“%s”相符的读卡器。已连接的读卡器: %s。", d.Reader, strings.Join(d.Readers, "、"))
	case CardRemoved:
		return "读取过程中卡脱离了。"
	case CardInUse:
		return "其他程序正在使用卡。"
	case CardMute:
		return "读卡器上的卡没有响应。"
	case CardTimeout:
		return "卡停止了响应。"
	case NotJPKI:
		return "这张卡似乎不是个人编号卡（マイナンバーカード）（找不到电子证书的功能）。"
	case JukiCard:
		return "这是居民基本台账卡（住基カード），不是个人编号卡（マイナンバーカード）。"
	case Smartphone:
		return "这是智能手机用电子证书，不是个人编号卡（マイナンバーカード）。"
	case UnknownToken:
		return fmt.Sprintf("这张卡带有 jpkicheck 不认识的种类的电子证书功能（%q）。", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "这张个人编号卡中没有签名用电子证书（署名用電子証明書）。"
		}
		return "这张个人编号卡中没有用户身份验证用电子证书（利用者証明用電子証明書）。"
	case Malformed:
		return "未能正确读取卡的电子证书。"
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("卡返回%s已锁定。如果是人脸认证个人编号卡（顔認証マイナンバーカード，不设定密码的卡），就会这样显示。", zhPINName(d.PIN))
		}
		return fmt.Sprintf("%s已被锁定。", zhPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("%s不正确。还剩%d次。", zhPINName(d.PIN), d.TriesLeft)
	case PINLastTry:
		return fmt.Sprintf("%s只剩1次，因此没有发送给卡。", zhPINName(d.PIN))
	case PINDeclined:
		return "没有向卡发送任何内容。"
	case PINMissing:
		return "标准输入中没有密码。没有向卡发送任何内容。"
	case Cancelled:
		return "已中止。"
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "签名用密码中必须同时包含半角英文字母（A～Z）和数字，各1个以上。没有向卡发送任何内容。"
			}
			return "签名用密码是半角英文字母（A～Z）和数字组合的6～16个字符。没有向卡发送任何内容。"
		}
		return "用户身份验证用密码是4位半角数字。没有向卡发送任何内容。"
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return zhNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("这张卡没有设定%s。人脸认证个人编号卡（顔認証マイナンバーカード）是不设定密码的卡。", zhPINName(d.PIN))
	case PINBusy:
		return "根据卡的回应，密码已被其他程序确认，因此无法知道剩余次数。没有向卡发送任何内容。"
	case CardLink:
		return "与卡的通信失败。"
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "发生了问题。"
}

func zhHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "准备好后，请再执行一次"
	case NoService:
		switch goos {
		case "windows":
			return "请启动“Smart Card”服务（services.msc），或重新插入读卡器"
		case "darwin":
			return "请重新插入读卡器。在 macOS 上服务会自动运行"
		}
		return "请启动: sudo systemctl start pcscd.socket（Debian/Ubuntu 上为 sudo apt install pcscd）"
	case NoReader:
		return "请连接USB读卡器（接触式，或 PaSoRi 等NFC读卡器）。NFC读卡器有时需要驱动程序"
	case NoCard:
		return "请插入卡（IC芯片一侧先插入，正面朝上），或将卡平放在NFC读卡器上，然后再执行一次。用 --wait 60s 可等待更久"
	case UnknownReader:
		return "请用 'jpkicheck readers' 确认名称，并将其中一部分指定给 --reader"
	case CardRemoved:
		return "请放回卡，再执行一次。使用NFC读卡器时，在结果出来之前请不要移动卡"
	case CardInUse:
		return "请关闭使用卡的其他程序（公的个人认证服务用户客户端软件（利用者クライアントソフト）、e-Tax、浏览器登录等）后，再执行一次"
	case CardMute:
		return "请拔出卡，IC芯片一侧先插入、正面朝上重新插入。轻轻擦拭芯片上的污垢有时可以解决"
	case CardTimeout:
		return "请拔出卡重新插入，再执行一次。如果持续发生，请试用其他读卡器"
	case NotJPKI:
		return "请插入个人编号卡（マイナンバーカード）。银行卡或交通IC卡中没有电子证书"
	case JukiCard:
		// advice: juki-card
		return "住基卡的电子证书不再新发行。需要电子证书时，请申请个人编号卡（マイナンバーカード）"
	case Smartphone:
		// advice: smartphone-not-card
		return "智能手机用电子证书的有效期限可以在 Mynaportal（マイナポータル）应用程序中确认。jpkicheck 读取的是卡本身"
	case UnknownToken, Malformed:
		return "请重新插入卡，再执行一次。如果持续发生，请到市区町村窗口（市区町村の窓口）咨询"
	case NoCertificate:
		// advice: sign-revoked-change
		return "证书尚未发行或已经失效。需要时，请在市区町村窗口（市区町村の窓口）重新领取"
	case PINLocked:
		hint := strings.TrimSuffix(zhPINReset, "。")
		if d.MaybeNoPIN {
			return "如果不是人脸认证个人编号卡，" + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheck 不会自动重试。如果没有把握，请不要尝试，而是办理密码的重新设定（初始化）"
	case PINLastTry:
		// advice: pin-reset-office
		return "如果确定，请加上 --force 再执行一次。否则，请办理密码的重新设定（初始化）"
	case PINMissing:
		return "请以一行传给标准输入: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINFormat:
		return "请用半角输入（小写或全角的英文字母和数字会改为半角大写后发送）。次数没有减少"
	case PINNotSet:
		return "没有向卡发送任何内容，因此次数没有减少"
	case PINBusy:
		return "请关闭使用卡的其他程序，取出卡重新放入后，再试一次"
	case CardLink:
		return "请将卡放回读卡器，在显示结果之前保持不动，再执行一次"
	case PINDeclined:
		return "被要求时请输入密码。从脚本中可以通过标准输入传递（printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth）"
	}
	return "加上 --trace 执行会显示每个步骤。如果持续发生，请报告问题"
}

// zhPINName names a PIN with its form, as the Japanese catalogue does; the
// card has two more 4-digit PINs, so "the 4-digit PIN" alone would not say
// which.
func zhPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "签名用密码（6～16位英文字母和数字）"
	}
	return "用户身份验证用密码（4位数字）"
}

// advice: child-no-sign
const zhNoSignCert = "这张卡中没有签名用电子证书（署名用電子証明書），因此也没有签名用电子证书的密码。" +
	"未满15岁者的卡和人脸认证个人编号卡（顔認証マイナンバーカード）中没有此证书。"

// zhFaceAuth is said where a card may be a face-authentication card.
const zhFaceAuth = "" +
	// advice: faceauth-what
	"如果是人脸认证个人编号卡（顔認証マイナンバーカード，不设定密码的卡），就会这样显示。" +
	// advice: faceauth-cannot
	"人脸认证个人编号卡无法使用便利店证明书发放服务、Mynaportal（マイナポータル）、e-Tax等需要输入密码的服务。" +
	// advice: faceauth-switch-back
	"也可以在市区町村窗口（市区町村の窓口）改回设定了密码的普通卡。"

// zhPINReset is where a locked PIN is reset.
const zhPINReset = "" +
	// advice: pin-reset-office
	"可以在市区町村窗口（市区町村の窓口）办理重新设定（初始化）。请携带个人编号卡（マイナンバーカード）和本人确认文件。" +
	// advice: pin-reset-convenience
	"如果知道另一个密码，并且电子证书在有效期限内且未失效，也可以用智能手机应用程序“JPKI暗証番号リセット”预约后，" +
	"在24小时内于便利店等的自助终端（多功能复印机）重新设定（需要能读取卡的IC芯片的智能手机）。"

const zhBringInPerson = "" +
	// advice: bring-in-person
	"请携带个人编号卡（マイナンバーカード）。在窗口需要输入用户身份验证用电子证书（利用者証明用電子証明書）的密码（4位数字）和签名用电子证书（署名用電子証明書）的密码（6～16位英文字母和数字）。" +
	"有些窗口还需要输入居民基本台账用密码（4位数字）。" +
	// advice: bring-pin-unknown
	"不知道密码或密码已被锁定时，先在窗口办理密码的重新设定（初始化），然后再更新。也请携带本人确认文件（驾驶执照等）。"

const zhBringByProxy = "" +
	// advice: proxy-before-expiry
	"请携带本人的个人编号卡（マイナンバーカード）、有效期限通知书中附带的照会书兼答复书（照会書兼回答書，由本人填写、写上密码后装入信封并封好），" +
	"以及代理人带照片的本人确认文件（个人编号卡、驾驶执照、护照等）。" +
	// advice: proxy-form-valid-until-expiry
	"照会书兼答复书（照会書兼回答書）可以使用到电子证书的有效期限当天为止。"

// advice: proxy-no-form
const zhBringByProxyNoForm = "没有照会书兼答复书（照会書兼回答書）时（有效期限已过等情况），受理代理人的申请后，市区町村会向本人邮寄照会书。" +
	"由代理人再次携带本人填写好的照会书前来，因此需要去窗口2次。"

// advice: proxy-pin-reset
const zhBringByProxyPINReset = "由代理人办理密码的重新设定（初始化）时，当天无法办完。" +
	"申请后，照会书兼答复书（照会書兼回答書）会邮寄给本人，由代理人再次携带本人填写好的文件前来。"

// zhAdvice is what the situation means and what to do, a paragraph each.
func zhAdvice(s Situation) []string {
	var out []string
	office := "在市区町村窗口（市区町村の窓口）"
	if !s.usualWindow() {
		office = "" // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("现在不需要办理手续。如果今天，即%s办理手续，将不按更新而按新发行处理，有效期限为%s。"+
				"这比在%s以后更新时的%s短%s。", zhDate(s.Today), zhDate(early), zhDate(s.Opens), zhDate(renewed), zhYearsMonths(lost)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("现在不需要办理手续。在可以更新的期间之前办理手续，将按新发行处理，有效期限会变短。"+
				"建议在%s以后办理手续。", zhDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "电子证书的有效期限是发行日之后的第5个生日。在可以更新的期间（距离有效期限不到3个月）更新时，"+
				"为第6个生日。但是，不会超过卡的有效期限。")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := "请" + office + "办理更新手续。电子证书的更新手续费免费。"
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf("在可以更新的期间中更新时，新电子证书的有效期限为%s。"+
					"只要在期间中，即使提早办理，有效期限也不会变短。", zhDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += "新电子证书的有效期限，请在窗口确认。"
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "在领取新的电子证书之前，无法在登录 Mynaportal（マイナポータル）、便利店证明书发放服务、e-Tax等网上手续中使用这张卡。"
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("作为健康保险证的使用（マイナ保険証）可以继续到有效期限到期之月的最后一天起3个月后的月末，即%s。"+
					"在此期间，医疗机构可以确认保险资格，但不会提供诊疗信息和药剂信息。", zhDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf("作为健康保险证的使用（マイナ保険証）也已于有效期限到期之月的最后一天起3个月后的月末，即%s结束。", zhDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "有效期限已过，因此无法在e-Tax等电子申请中进行电子签名。"+
				"便利店证明书发放服务和作为健康保险证的使用，不使用签名用电子证书（署名用電子証明書）。")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "即使有效期限已过，也可以"+office+"免费领取新的电子证书。"+
			"新的电子证书在办理发行手续后大约24小时可以使用。")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "因搬家或结婚等导致姓名、住址、出生日期、性别发生变化时，签名用电子证书（署名用電子証明書）会自动失效（用户身份验证用电子证书可以继续使用）。" +
			"已失效的签名用电子证书即使留在卡中也无法使用。"
		if office != "" {
			p += "需要时，请在市区町村窗口（市区町村の窓口）重新领取。"
		}
		p += fmt.Sprintf("jpkicheck 只读取卡的内容，因此无法知道签名用电子证书是否已失效。"+
			"到%s为止的有效期限，是未失效时的期限。", zhDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "有在留期间规定的外国居民，有效期限到在留期间的届满日为止，因此这个计算不适用。"+
			"即使在留期间获得更新，有效期限也不会自动延长，因此领取新的在留卡后，"+
			"请在卡的有效期限过期之前，到市区町村窗口（市区町村の窓口）办理变更有效期间的手续。")
	}
	return out
}

func zhUnknownCard(card string) string {
	if card == "unknown" {
		return "种类不明的公的个人认证卡"
	}
	return ""
}

// zhCheckFlags are check's own flags, which demo takes too.
const zhCheckFlags = `  --quick               只读取有效期限，省略对发行机构的确认
  --sign                也读取签名用电子证书（会询问签名用密码）
  --force               --sign 时: 即使只剩1次也发送密码
  --show-personal       --sign 时: 也显示证书中的姓名、住址、出生日期、性别
`

// zhReaderFlags choose the reader and how long to wait for a card.
const zhReaderFlags = `  --reader 名称         使用名称中包含此文字的读卡器（省略时: 第一台有卡的
                        读卡器。没有则等待卡）
  --wait 时间           等待卡的时间（默认 30s。0 为不等待）
`

// zhCardFlags are the rest of the card flags every command that reads a
// card takes.
const zhCardFlags = `  --sim [配置]          使用内置的模拟卡代替读卡器
  --trace               显示发送给卡的全部命令（密码以星号隐去）
  --trust-ca 文件       也认可此认证机构的证书（PEM）
  --today YYYY-MM-DD    以这一天为“今天”计算（省略时为日本时间的今天）
  --months N            受理期间的月数（默认为3）
`
