package report

import "fmt"

// zhKiosk is the kiosk page in Simplified Chinese, translated from the
// Japanese and to be reviewed by the office before use.
var zhKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "个人编号卡（マイナンバーカード）电子证书有效期限检查",
		LangButton:      "日本語",
		LangButtonLabel: "このページを日本語で表示",

		Insert:     "请将个人编号卡（マイナンバーカード）放在读卡器上",
		InsertNote: "不需要输入密码。",
		Privacy:    "不保存卡的信息。取走卡后，信息会从画面上消失。",

		Reading:     "正在读取卡…",
		ReadingNote: "读取结束之前请不要移动卡。",
		ReadingRest: "正在读取其余内容…",

		TakeCard:     "请取走您的卡",
		TakeCardNote: "请注意不要忘记取卡。",

		NoReader:      "没有连接读卡器",
		NoReaderNote:  "请告知工作人员。连接后会自动开始。",
		NoService:     "读取卡的功能已停止",
		NoServiceNote: "请告知工作人员。恢复后会自动开始。",
		Reconnecting:  "正在重新连接画面…",

		RetryHint: "请先取出卡，确认方向后再放一次。",
		StaffHint: "如果多次发生，请告知工作人员。",

		BadgeNotYetOpen: "有效",
		BadgeOpen:       "可以更新",
		BadgeExpired:    "已过期",
		BadgeError:      "未能确认",
		WarningLabel:    "请注意",

		TimelineTitle:  "可以更新的期间与今天",
		TimelineOpens:  "开始受理",
		TimelineExpiry: "有效期限",
		TimelineToday:  "今天",

		OfficeTitle:   "办理手续的窗口",
		OfficeExample: "这是显示示例（本终端的窗口信息尚未设定）",
		OfficeCounter: "窗口",
		OfficeFloor:   "地点",
		OfficeHours:   "受理时间",
		OfficePhone:   "电话",

		BadgeLocked:     "密码已锁定",
		BadgeLastTry:    "密码只剩1次",
		DecisionBy:      "截止日期",
		DecisionWhere:   "办理地点",
		ByLastOfficeDay: "（窗口开放的最后一天）",
		ByExpiry:        "（有效期限当天）",
		ExampleShort:    "（显示示例）",
		MoreBelow:       "下面有详细说明",
		BiggerText:      "放大文字",
		NormalText:      "恢复文字大小",
		TimelineBefore:  "受理前",
		TimelineAfter:   "已过期",
		TouchToKeep:     "如需继续阅读，请触摸画面。",
		Details:         "详细说明",
	},

	HelpKiosk: `用法:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office 文件] [--reader 名称] [--linger 60s] [--quick] [--browser]

为放置在市政府大厅等处的终端，启动提供全屏页面的服务器。
放上卡后立即显示结果，取走卡后从画面上消失。不输入密码，
不读取个人信息，也不保存任何内容。请用浏览器的全屏模式
（信息亭模式）打开显示的地址，或用 --browser 启动浏览器。按 Ctrl+C 结束。
日志的每一行以日期和时间开头，不记录来访者的日期。

选项:
  --listen 地址         监听的地址（默认 127.0.0.1:8080。其他终端可以访问的
                        地址需要 --allow-lan）
  --allow-lan           允许其他终端可以访问的地址。页面、API、/metrics
                        需要启动时显示的令牌
  --token-file 文件     从文件读取该令牌（重新启动后也相同。用于监控）。
                        省略时每次启动都会新建
  --browser             开始提供页面后以全屏启动 Chromium・Chrome・Edge，
                        浏览器结束时重新启动，本程序结束时关闭
  --browser-path 文件   --browser 启动的浏览器
  --office 文件         写有窗口介绍（窗口、地点、受理时间、电话）的文件。
                        省略时显示明确标为“显示示例”的示例
  --reader 名称         只使用名称中包含此文字的读卡器
  --linger 时间         显示结果后到变为“请取走您的卡”为止的时间（默认 60s。未指定时使用窗口文件的 reading_time）
  --quick               只读取有效期限，省略对发行机构的确认
  --lang LANG           最初显示的语言（默认 ja）
  --sim [配置]          以放着内置模拟卡的状态启动（展示・确认用）
  --trust-ca 文件       也认可此认证机构的证书（PEM）
  --today YYYY-MM-DD    以这一天为“今天”计算
  --months N            受理期间的月数（默认为3）
  --trace               显示发送给卡的全部命令（不发送密码）
  --json                为脚本以JSON输出地址

例:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `用法:
  jpkicheck ui [--no-browser] [--reader 名称] [--quick] [--sim [配置]]

在自己的电脑上显示与信息亭相同的页面。以只能从这台电脑打开、
每次启动都会改变的地址启动服务器，并用默认浏览器打开。
按 Ctrl+C 结束。

选项:
  --no-browser          不打开浏览器，只显示地址
  --reader 名称         只使用名称中包含此文字的读卡器
  --linger 时间         显示结果后到变为“请取走您的卡”为止的时间（默认 60s。未指定时使用窗口文件的 reading_time）
  --quick               只读取有效期限，省略对发行机构的确认
  --lang LANG           最初显示的语言
  --sim [配置]          使用内置的模拟卡代替读卡器
  --trust-ca 文件       也认可此认证机构的证书（PEM）
  --today YYYY-MM-DD    以这一天为“今天”计算
  --months N            受理期间的月数（默认为3）
  --trace               显示发送给卡的全部命令（不发送密码）
  --json                为脚本以JSON输出地址

例:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("正在提供信息亭画面: %s （按 Ctrl+C 结束）", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("警告: 在 %s 监听。网络上的其他终端也可以打开这个画面。"+
			"如果只在大厅的终端显示，请设为 --listen 127.0.0.1:8080。", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("用浏览器打开: %s （按 Ctrl+C 结束）", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("未能打开浏览器。请打开这个地址: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("无法在 --listen %s 监听（%s）。例: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger 的“%s”：请指定0以上的时间。例: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("没有“%s”这个项目（您是指“%s”吗？）", p.Field, p.Suggest)
			}
			return fmt.Sprintf("没有“%s”这个项目（可用的项目: %s）", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("“%s”的语言指定有误（请写成 项目名、项目名.ja、项目名.en 中的一种）", p.Field)
		case "missing_equals":
			return fmt.Sprintf("“%s”后面没有“=”（请按 项目名 = 值 的形式书写）", p.Field)
		case "missing_key":
			return "“=”前面没有项目名（请按 项目名 = 值 的形式书写）"
		case "duplicate":
			return fmt.Sprintf("“%s”写了2次（第一次在第%d行）", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("“%s”没有值（请在“=”后面写上值，或删除这一行）", p.Field)
		case "too_long":
			return fmt.Sprintf("“%s”超过了%d个字符", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("“%s”中含有控制字符", p.Field)
		case "bad_utf8":
			return "字符编码不是 UTF-8（请在记事本的“另存为”中选择编码 UTF-8）"
		case "utf16":
			return "文件以 UTF-16 保存（请在记事本的“另存为”中选择编码 UTF-8）"
		case "too_big":
			return fmt.Sprintf("文件太大（最多 %d KiB。窗口介绍只有几行）", p.Limit)
		case "no_fields":
			return fmt.Sprintf("一个项目也没有写（可用的项目: %s）", p.Known)
		case "unreadable":
			return fmt.Sprintf("无法读取（%s）", p.Field)
		case "only_english":
			return fmt.Sprintf("“%s”没有对应的日语项目（只有英语时，日语画面会是空白）", p.Field)
		case "bad_date":
			return fmt.Sprintf("“%s”的“%s”不是日期（请按 YYYY-MM-DD 的形式，例: 2027-03-27。多个日期用逗号分隔）", p.Field, p.Value)
		case "bad_range":
			return fmt.Sprintf("“%s”的“%s”不是期间（请按 开始..结束 的形式，早的日期在前，%d天以内）", p.Field, p.Value, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s 同时出现在这一行的“%s”和第 %d 行（请只作为办公日或休息日中的一种）", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("open_days 和 closed_days 的天数超过了 %d 天", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("“%s”的“%s”：请用 on 或 off 指定", p.Field, p.Value)
			}
			return fmt.Sprintf("“%s”的“%s”：请用 1～%d 的秒数指定（例: %s = 60）", p.Field, p.Value, p.Limit, p.Field)
		}
		return "无法读取的行"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("不在 %s 监听。网络上的其他终端会看到每位来访者的结果。"+
			"只在大厅的终端使用时，请设为 --listen 127.0.0.1:8080。有意让其他终端查看时，"+
			"请加上 --allow-lan（页面需要启动时显示的令牌）。", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("网络上的其他终端可以打开这个页面。打开时需要令牌: %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("这台电脑的时钟显示为 %s，不正确。在正确设定日期和时间之前，"+
			"不显示结果（致工作人员: 请确认时钟和时间同步的设定）。", now)
	},
	NoBrowser: "找不到 --browser 使用的浏览器（Chromium、Google Chrome、Microsoft Edge）。请安装，或用 --browser-path 指定",
}
