package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The Vietnamese catalogue is written as Japanese municipalities write for
// Vietnamese residents, addressing the reader as "quý vị". The official
// Japanese terms follow their translation in parentheses, so that a
// resident can show the screen at the counter. It is to be reviewed by the
// office before use (docs/languages.md).

var viWeekdays = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// viDate is the long date with the weekday first, as Vietnamese writes it:
// Chủ nhật, ngày 10 tháng 1 năm 2027.
func viDate(d window.Date) string {
	return fmt.Sprintf("%s, %s", viWeekdays[d.Weekday()], viPlainDate(d))
}

// viPlainDate is the long date alone: ngày 10 tháng 1 năm 2027.
func viPlainDate(d window.Date) string {
	return fmt.Sprintf("ngày %d tháng %d năm %d", d.Day, d.Month, d.Year)
}

// viDateEra is for a date of birth: ngày 1 tháng 5 năm 1990 (Heisei 2).
func viDateEra(d window.Date) string {
	e, y, ok := d.Era()
	if !ok {
		return viPlainDate(d)
	}
	return fmt.Sprintf("%s (%s %d)", viPlainDate(d), e.Roman, y)
}

// viSpan says a duration in days while it is short and in years and months
// once it is long.
func viSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return fmt.Sprintf("%d ngày", to.DaysSince(from))
	}
	return viYearsMonths(sp)
}

// viYearsMonths renders whole years and months: 1 năm, 2 năm 9 tháng.
func viYearsMonths(sp window.Span) string {
	switch {
	case sp.Years == 0:
		return fmt.Sprintf("%d tháng", sp.Months)
	case sp.Months == 0:
		return fmt.Sprintf("%d năm", sp.Years)
	}
	return fmt.Sprintf("%d năm %d tháng", sp.Years, sp.Months)
}

var vi = Catalog{
	Lang:    Vi,
	Date:    viDate,
	DateEra: viDateEra,
	Kiosk:   viKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("Chưa đến thời gian có thể gia hạn. Việc tiếp nhận gia hạn bắt đầu từ ngày mai, %s.", viDate(w.Opens))
		}
		return fmt.Sprintf("Chưa đến thời gian có thể gia hạn. Việc tiếp nhận gia hạn bắt đầu từ %s (còn %s nữa).", viDate(w.Opens), viSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("Hiện đang trong thời gian có thể gia hạn. Hôm nay, %s, là ngày hết hạn và là ngày cuối cùng có thể gia hạn.", viDate(w.Expiry))
		}
		return fmt.Sprintf("Hiện đang trong thời gian có thể gia hạn. Còn %s nữa là đến ngày hết hạn, %s.", viSpan(w.Today, w.Expiry), viDate(w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("Đã hết hạn vào hôm qua, %s.", viDate(w.Expiry))
		}
		return fmt.Sprintf("Đã hết hạn vào %s (đã quá hạn %s).", viDate(w.Expiry), viSpan(w.Expiry, w.Today))
	},
	Advice: viAdvice,

	LabelExpiry: "Ngày hết hạn",
	LabelWindow: "Thời gian có thể gia hạn",
	LabelToday:  "Hôm nay",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s – %s", viDate(opens), viDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("Đã tính với thời gian tiếp nhận bắt đầu từ %d tháng trước ngày hết hạn.", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += " Một số địa phương hướng dẫn rằng người đang sống ở nước ngoài có thể gia hạn từ 1 năm trước ngày hết hạn."
		}
		return note
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("Vui lòng nhập ngày cho %s. Ví dụ: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s: không có ngày %q trên lịch. Ví dụ: %s 2027-03-15", flag, err.Input, flag)
		case window.YearRange:
			return fmt.Sprintf("%s: %q nằm ngoài phạm vi (năm %d đến năm %d). Ví dụ: %s 2027-03-15", flag, err.Input, window.MinYear, window.MaxYear, flag)
		}
		return fmt.Sprintf("%s: %q không theo dạng YYYY-MM-DD. Ví dụ: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("vui lòng chỉ định %s. Ví dụ: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months %q phải là số nguyên từ 1 đến 24. Ví dụ: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("--lang %q không phải là ngôn ngữ jpkicheck hỗ trợ. Ví dụ: --lang ja hoặc --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("không có tùy chọn %s", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s cần một giá trị", flag)
		}
		return fmt.Sprintf("%s cần một giá trị. Ví dụ: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("có đối số thừa: %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("không có lệnh %q", name)
	},
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("không đọc được --trust-ca %s (%s). Ví dụ: --trust-ca test-ca.pem (tệp PEM chứa chứng chỉ của cơ quan chứng thực)", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim %q không phải là hồ sơ của thẻ mô phỏng. Các hồ sơ: %s. Ví dụ: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("chạy 'jpkicheck %s--help' để xem danh sách lệnh và tùy chọn", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "gợi ý: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "Chứng chỉ điện tử dùng để ký (署名用電子証明書), dùng cho e-Tax và các thủ tục nộp đơn trực tuyến"
		}
		return "Chứng chỉ điện tử xác thực người dùng (利用者証明用電子証明書), dùng để đăng nhập"
	},
	LabelIssuer: "Nơi cấp",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "đang kiểm tra…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("J-LIS (地方公共団体情報システム機構); đã xác minh chữ ký bằng cơ quan chứng thực J-LIS có sẵn trong chương trình (%d)", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "cơ quan chứng thực thử nghiệm của thẻ mô phỏng (không phải J-LIS); đã xác minh chữ ký"
			}
			return "cơ quan chứng thực do quý vị chỉ định; đã xác minh chữ ký (" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "cơ quan chứng thực JPKI không có trong danh sách có sẵn; đã xác minh chữ ký bằng chứng chỉ của cơ quan chứng thực lưu trong thẻ"
		case jpki.TrustInvalid:
			return "chữ ký không khớp với chứng chỉ của cơ quan chứng thực đã cấp. Thẻ có thể bị hỏng: vui lòng hỏi quầy tiếp nhận của tòa thị chính (市区町村の窓口)"
		case jpki.TrustUnknownIssuer:
			return "cơ quan chứng thực không rõ, và trong thẻ cũng không có chứng chỉ của cơ quan chứng thực để kiểm tra"
		}
		return "chưa kiểm tra (--quick)"
	},
	LabelPINs: "Số lần nhập mã PIN còn lại",
	PINName:   viPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "không rõ (thẻ không trả lời số lần)"
		case p.NotSet():
			return "thẻ này không có"
		case p.verified():
			return "hiện đang ở trạng thái đã xác nhận (không hiển thị số lần)"
		case p.Locked:
			return "đang bị khóa"
		}
		return fmt.Sprintf("còn %d lần (tối đa %d lần)", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := viPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return viNoSignCert +
				// advice: proxy-legal-rep
				" Thủ tục của người dưới 15 tuổi do người đại diện theo pháp luật (cha mẹ hoặc người giám hộ) thực hiện. Vui lòng hỏi quầy tiếp nhận về giấy tờ cần mang theo."
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("Thẻ này không được cài đặt %s. Thẻ My Number xác thực khuôn mặt (顔認証マイナンバーカード) là thẻ không cài đặt mã PIN.", name)
		case p.verified():
			return fmt.Sprintf("Theo thẻ, %s hiện đang ở trạng thái đã xác nhận (một chương trình khác trên máy tính này đã nhập). Khi dùng xong, vui lòng đóng chương trình đó hoặc rút thẻ ra.", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("Thẻ báo rằng %s đang bị khóa. ", name) + viFaceAuth + " Nếu không phải là thẻ xác thực khuôn mặt thì mã PIN thực sự đã bị khóa. " + viPINReset
		case p.Locked:
			return fmt.Sprintf("%s đang bị khóa. ", viCapitalise(name)) + viPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("%s chỉ còn 1 lần nhập. Nếu nhập sai lần nữa, mã sẽ bị khóa. Nếu không chắc chắn, xin đừng nhập mà hãy làm thủ tục cài đặt lại (khởi tạo lại) mã PIN.", viCapitalise(name))
		}
		return ""
	},
	LabelBring:           "Thủ tục tại quầy tiếp nhận",
	LabelInPerson:        "Khi đương sự tự đi",
	LabelByProxy:         "Khi người đại diện đi",
	BringInPerson:        viBringInPerson,
	BringByProxy:         viBringByProxy,
	BringByProxyNoForm:   viBringByProxyNoForm,
	BringByProxyPINReset: viBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("Lưu ý: đây là kết quả của thẻ mô phỏng có sẵn trong jpkicheck (hồ sơ %s), không phải thẻ thật.", profile)
	},
	Reading: "Đang đọc thẻ…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "Vui lòng kết nối đầu đọc thẻ và đặt thẻ My Number (マイナンバーカード) của quý vị lên…"
		}
		return fmt.Sprintf("Vui lòng đặt thẻ My Number (マイナンバーカード) của quý vị vào đầu đọc thẻ (%s)…", strings.Join(readers, ", "))
	},
	PersonalTitle:   "Thông tin người sở hữu ghi trong chứng chỉ điện tử dùng để ký (署名用電子証明書) (hiển thị vì quý vị đã chỉ định --show-personal)",
	LabelName:       "Họ tên",
	LabelAltName:    "Họ tên (ký tự thay thế)",
	LabelBirthDate:  "Ngày sinh",
	LabelSex:        "Giới tính",
	LabelAddress:    "Địa chỉ",
	LabelAltAddress: "Địa chỉ (ký tự thay thế)",
	SexName: func(code string) string {
		switch code {
		case "1":
			return "nam"
		case "2":
			return "nữ"
		}
		return code
	},
	PINPrompt: func(pin jpki.PIN) string {
		return fmt.Sprintf("Vui lòng nhập %s bằng ký tự nửa độ rộng (không hiển thị trên màn hình): ", viPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("Đúng: thẻ đã chấp nhận %s. Số lần còn lại đã trở về %d lần.", viPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("pin nhận status hoặc verify auth|sign, không phải %q. Ví dụ: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "Vui lòng rút thẻ ra khỏi đầu đọc ngay: jpkicheck không thể hủy trạng thái đã xác nhận của mã PIN vừa nhập, và cho đến khi rút thẻ ra, chương trình khác có thể sử dụng nó.",
	ForceOnlyForVerify: "--force chỉ dùng được với pin verify, lệnh có thể tiêu tốn một lần nhập. Ví dụ: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("export nhận một trong auth, sign, auth-ca, sign-ca (đã nhận %q). Ví dụ: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("--format %q không phải định dạng jpkicheck ghi được. Ví dụ: --format pem (hoặc der, p7b)", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s là định dạng nhị phân và sẽ làm rối màn hình terminal. Ví dụ: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s đã tồn tại; jpkicheck không ghi đè tệp nếu không có --force. Ví dụ: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("Đã ghi chứng chỉ %s vào %s.", what, path)
	},
	SignExportWarning: "Chứng chỉ điện tử dùng để ký (署名用電子証明書) này chứa họ tên, địa chỉ, ngày sinh và giới tính của quý vị. Vui lòng giữ tệp này riêng tư và xóa khi không còn cần.",
	ICSCalendarName:   "Chứng chỉ điện tử của thẻ My Number",
	ICSOpensSummary: func(w window.Window) string {
		return "Thẻ My Number: hôm nay bắt đầu tiếp nhận gia hạn chứng chỉ điện tử"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("Từ hôm nay đến %s, quý vị có thể gia hạn chứng chỉ điện tử của thẻ My Number (マイナンバーカード) tại quầy tiếp nhận của tòa thị chính (市区町村の窓口). Việc gia hạn miễn phí.\n\n"+
			"Khi đương sự tự đi: %s\nKhi người đại diện đi: %s", viDate(w.Expiry), viBringInPerson, viBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("Thẻ My Number: chứng chỉ điện tử hết hạn sau một tuần (%s)", viDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("Chứng chỉ điện tử hết hạn vào %s. Nếu chưa gia hạn, vui lòng đến quầy tiếp nhận của tòa thị chính (市区町村の窓口) trước ngày đó. "+
			"Sau khi hết hạn, cho đến khi được cấp chứng chỉ mới, không thể dùng thẻ để cấp giấy tờ tại cửa hàng tiện lợi, e-Tax và các thủ tục trực tuyến khác.", viDate(w.Expiry))
	},
	ICSAlreadyOpen: "Một số lời nhắc đã nằm trong quá khứ.",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("Đã ghi các lời nhắc vào %s. Hãy mở tệp bằng chương trình lịch để nhập các lời nhắc.", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "không có thẻ"
		case problem != "":
			return "thẻ không xác định được: " + strings.TrimSuffix(viProblem(Details{Problem: Problem(problem)}), ".")
		}
		return map[string]string{
			"my_number_card":     "thẻ My Number (マイナンバーカード)",
			"juki_card":          "thẻ Sổ đăng ký cư dân cơ bản (住基カード)",
			"smartphone_android": "chứng chỉ điện tử trên điện thoại thông minh (Android)",
			"smartphone_ios":     "chứng chỉ điện tử trên điện thoại thông minh (iPhone)",
		}[card] + viUnknownCard(card)
	},
	HelpReaders: `Cách dùng:
  jpkicheck readers [tùy chọn]

Liệt kê các đầu đọc thẻ, cho biết mỗi đầu đọc có thẻ hay không và đó là loại
thẻ gì (thẻ My Number, 住基カード, …). Để biết loại thẻ, chương trình chỉ đọc
mã nhận dạng JPKI của thẻ; không dùng mã PIN.

Tùy chọn:
  --reader TÊN          chỉ liệt kê các đầu đọc có tên chứa TÊN
  --wait THỜI_GIAN      trước hết chờ thẻ tối đa chừng ấy thời gian (mặc định: liệt kê ngay)
  --json                in ra một đối tượng JSON cho script
  --lang LANG           ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG)
` + viCardFlags + `
Ví dụ:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: viProblem,
	ProblemHint:    viHint,

	HelpMain: `jpkicheck cho quý vị biết khi nào chứng chỉ điện tử trên thẻ My Number
(マイナンバーカード) hết hạn, đã có thể gia hạn hay chưa, và cần mang gì đến
quầy tiếp nhận của tòa thị chính (市区町村の窓口).

Cách dùng:
  jpkicheck [lệnh] [tùy chọn]

Các lệnh:
  check      đọc thẻ và báo kết quả (mặc định; không cần mã PIN)
  pin        số lần nhập mã PIN còn lại, không tiêu tốn lần nào; pin verify auth|sign
  export     ghi chứng chỉ ra tệp (pem, der, p7b)
  ics        tệp lịch có lời nhắc về các ngày gia hạn
  readers    liệt kê đầu đọc thẻ và thẻ trong đó
  kiosk      trang toàn màn hình cho sảnh của tòa thị chính
  ui         cùng trang đó để dùng ở nhà, trên trình duyệt
  window     thời gian có thể gia hạn cho một ngày hết hạn (không cần thẻ)
  demo       toàn bộ việc kiểm tra với thẻ mô phỏng có sẵn
  version    in phiên bản (-v: kèm phiên bản các mô-đun)

Ví dụ:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

Mã thoát:
  0  bình thường, chưa đến thời gian gia hạn   4  đã hết hạn
  1  lỗi khác                                  5  không có dịch vụ PC/SC, đầu đọc hoặc thẻ
  2  lỗi cách dùng hoặc dữ liệu sai            6  không phải thẻ My Number
  3  đang trong thời gian có thể gia hạn       7  mã PIN bị khóa hoặc bị từ chối

Ngôn ngữ: --lang ja|en|ja-easy|zh|ko|pt|vi; nếu không có thì theo LC_ALL, LC_MESSAGES hoặc LANG (ja_* cho tiếng Nhật).
Chạy 'jpkicheck LỆNH --help' để xem các tùy chọn của một lệnh.
`,
	HelpCheck: `Cách dùng:
  jpkicheck [check] [tùy chọn]

Đọc thẻ My Number (マイナンバーカード) trong đầu đọc thẻ — không cần mã PIN — và
cho biết khi nào chứng chỉ điện tử xác thực người dùng (利用者証明用電子証明書)
hết hạn, đã có thể gia hạn hay chưa, và hai mã PIN còn bao nhiêu lần nhập. Không
có gì trên thẻ bị thay đổi và không tiêu tốn lần nhập mã PIN nào.

Tùy chọn:
` + viCheckFlags + viReaderFlags + `  --json                in ra một đối tượng JSON cho script
  --lang LANG           ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG)
` + viCardFlags + `
Ví dụ:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

Mã thoát: 0 chưa đến thời gian gia hạn, 3 đang trong thời gian có thể gia hạn,
4 đã hết hạn, 7 một mã PIN bị khóa, 5 không có dịch vụ/đầu đọc/thẻ,
6 không phải thẻ My Number, 2 dữ liệu sai, 1 lỗi khác.

Chứng chỉ điện tử dùng để ký (署名用電子証明書) tự động mất hiệu lực khi họ tên,
địa chỉ, ngày sinh hoặc giới tính thay đổi (ví dụ khi chuyển nhà hoặc kết hôn);
chứng chỉ điện tử xác thực người dùng vẫn dùng được. jpkicheck chỉ đọc thẻ nên
không biết chứng chỉ dùng để ký đã mất hiệu lực hay chưa.
`,
	HelpDemo: `Cách dùng:
  jpkicheck demo [tùy chọn]

Chạy toàn bộ việc kiểm tra với thẻ mô phỏng có sẵn trong jpkicheck, để quý vị
xem jpkicheck nói gì với cư dân mà không cần đầu đọc thẻ. Thẻ mặc định đang
trong thời gian có thể gia hạn; --sim chọn hồ sơ khác (xem danh sách in ở cuối).
Nhận các tùy chọn của check; không có đầu đọc nào để chọn.

Tùy chọn:
` + viCheckFlags + `  --json                in ra một đối tượng JSON cho script
  --lang LANG           ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG)
` + viCardFlags + `
Ví dụ:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "Đây là thẻ mô phỏng. Hãy thử hồ sơ khác: jpkicheck check --sim HỒ_SƠ, với HỒ_SƠ là một trong\n  " + profiles
	},
	HelpPIN: `Cách dùng:
  jpkicheck pin [status] [tùy chọn]
  jpkicheck pin verify auth|sign [--force] [tùy chọn]

pin status cho biết hai mã PIN còn bao nhiêu lần nhập, không tiêu tốn lần nào:
thẻ nhận một lệnh VERIFY rỗng, lệnh này chỉ báo bộ đếm.

pin verify kiểm tra xem quý vị còn nhớ mã PIN không trước khi đến quầy tiếp
nhận. Trước hết hiển thị số lần còn lại, sau đó hỏi mã PIN (được ẩn trên
terminal; nếu không thì lấy dòng đầu tiên của đầu vào chuẩn). Mã PIN được gửi
một lần và không bao giờ thử lại. Khi chỉ còn 1 lần, lệnh từ chối gửi nếu không
có --force, vì nhập sai lúc đó sẽ khóa mã cho đến khi được cài đặt lại.

  auth   mã PIN xác thực người dùng, 4 chữ số (3 lần)
  sign   mã PIN dùng để ký, 6–16 ký tự chữ và số (5 lần)

Tùy chọn:
  --force               pin verify: gửi mã PIN kể cả ở lần cuối cùng
` + viReaderFlags + `  --json                in ra một đối tượng JSON cho script
  --lang LANG           ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG)
` + viCardFlags + `
Ví dụ:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

Mã thoát: 0 bình thường / mã PIN đúng, 7 bị khóa, sai hoặc bị từ chối,
5 không có thẻ, 6 không phải thẻ My Number, 2 dữ liệu sai.
`,
	HelpExport: `Cách dùng:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o TỆP] [--force] [tùy chọn]

Ghi một chứng chỉ từ thẻ ra, để dùng trong chương trình khác:
  auth      chứng chỉ xác thực người dùng (không cần mã PIN)
  sign      chứng chỉ dùng để ký: hỏi mã PIN dùng để ký. Chứng chỉ này chứa họ
            tên, địa chỉ, ngày sinh và giới tính; hãy giữ riêng tư.
  auth-ca   chứng chỉ của cơ quan chứng thực cho auth, lưu trong thẻ
  sign-ca   chứng chỉ của cơ quan chứng thực cho sign, lưu trong thẻ

Định dạng: pem (văn bản, mặc định; chứng chỉ rồi đến cơ quan chứng thực), der
(một chứng chỉ nhị phân), p7b (gói PKCS#7 gồm chứng chỉ và cơ quan chứng thực,
trình xem chứng chỉ của Windows và macOS mở được). Định dạng nhị phân không
được ghi ra terminal.

Tùy chọn:
  --format pem|der|p7b  định dạng tệp (mặc định pem)
  -o, --output TỆP      ghi vào TỆP thay cho đầu ra chuẩn
  --force               ghi đè TỆP nếu đã tồn tại (với export, --force không bao
                        giờ tiêu tốn lần nhập mật khẩu cuối cùng: muốn vậy hãy
                        dùng 'jpkicheck pin verify sign --force')
` + viReaderFlags + `  --json                báo sự cố dưới dạng một đối tượng JSON cho script
  --lang LANG           ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG)
` + viCardFlags + `
Ví dụ:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `Cách dùng:
  jpkicheck ics [-o TỆP] [--force] [tùy chọn]

Đọc thẻ (không cần mã PIN) và ghi một tệp lịch (iCalendar, .ics) có hai lời
nhắc cả ngày cho chứng chỉ xác thực người dùng: ngày bắt đầu tiếp nhận gia hạn
và một tuần trước ngày hết hạn, mỗi lời nhắc có báo lúc 09:00. Hãy nhập tệp vào
Google Calendar, Outlook, Lịch của Apple hoặc Thunderbird. Nhập một tệp mới hơn
cho cùng chứng chỉ sẽ cập nhật lời nhắc thay vì tạo bản sao.

Tùy chọn:
  -o, --output TỆP      ghi vào TỆP thay cho đầu ra chuẩn
  --force               ghi đè TỆP nếu đã tồn tại
` + viReaderFlags + `  --json                báo sự cố dưới dạng một đối tượng JSON cho script
  --lang LANG           ngôn ngữ của lời nhắc và thông báo
` + viCardFlags + `
Ví dụ:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `Cách dùng:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang LANG]

Tính thời gian có thể gia hạn cho chứng chỉ hết hạn vào ngày đã cho, không cần
thẻ. Việc gia hạn được tiếp nhận từ ngày hôm sau của ngày 3 tháng trước ngày hết
hạn cho đến ngày hết hạn; nếu tháng đó ngắn hơn thì tính ngày cuối tháng
(31 tháng 5 → từ 1 tháng 3). Chứng chỉ có hiệu lực đến sinh nhật lần thứ 5 sau
ngày cấp; nếu gia hạn trong thời gian có thể gia hạn thì đến sinh nhật lần thứ 6.
Không bao giờ quá hạn sử dụng của chính thẻ.

Tùy chọn:
  --expiry YYYY-MM-DD   ngày hết hạn của chứng chỉ (bắt buộc)
  --today YYYY-MM-DD    tính như thể hôm nay là ngày đó (mặc định: hôm nay ở Nhật)
  --months N            độ dài thời gian gia hạn tính bằng tháng (mặc định 3)
  --json                in ra một đối tượng JSON thay cho câu văn
  --lang LANG           ngôn ngữ của câu văn

Ví dụ:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

Mã thoát: 0 chưa đến thời gian gia hạn, 3 đang trong thời gian có thể gia hạn,
4 đã hết hạn, 2 dữ liệu sai.
`,
	HelpVersion: `Cách dùng:
  jpkicheck version [-v]

In phiên bản của jpkicheck, phiên bản Go dùng để biên dịch và hệ thống đang
chạy.

Tùy chọn:
  -v                    liệt kê thêm các mô-đun và thiết lập biên dịch

Ví dụ:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("có phải ý quý vị là 'jpkicheck %s'?", command)
	},

	LabelOfficeDays: "Ngày quầy làm việc",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s – %s", viDate(first), viDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("%s là ngày quầy tiếp nhận nghỉ. Ngày cuối cùng có thể làm thủ tục tại quầy là %s.", viDate(w.Expiry), viDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "Hạn sử dụng của chính thẻ My Number (マイナンバーカード) được in ở mặt trước của thẻ. Nếu ngày đó trùng hoặc gần với ngày hết hạn của chứng chỉ điện tử, điều quý vị cần là thẻ mới chứ không phải gia hạn chứng chỉ (jpkicheck check --card-expiry NGÀY sẽ cho biết là trường hợp nào).",
	LabelCardExpiry: "Hạn sử dụng của thẻ",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("Chính thẻ đã hết hạn vào %s. Không thể dùng chứng chỉ điện tử quá hạn sử dụng của thẻ. Về thẻ mới, vui lòng hỏi quầy tiếp nhận của tòa thị chính (市区町村の窓口).", viDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("Chính thẻ có hạn đến %s, sau chứng chỉ điện tử, nên chỉ cần gia hạn chứng chỉ là đủ. Có thể đăng ký gia hạn thẻ từ %s.", viDate(r.Expiry), viDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("Ngày hết hạn của chứng chỉ điện tử trùng hoặc gần với hạn sử dụng của thẻ (%s), nên cần gia hạn thẻ (đăng ký thẻ mới) chứ không phải gia hạn chứng chỉ. Có thể đăng ký đến %s. Cần khoảng 1 tháng để nhận thẻ mới. Có thể dùng đơn xin cấp gửi kèm thông báo hết hạn. Miễn phí.", viDate(r.Expiry), viDate(r.Expiry))
		}
		return fmt.Sprintf("Ngày hết hạn của chứng chỉ điện tử trùng hoặc gần với hạn sử dụng của thẻ (%s), nên cần gia hạn thẻ (đăng ký thẻ mới) chứ không phải gia hạn chứng chỉ. Có thể đăng ký gia hạn thẻ từ %s, ngày hôm sau của ngày 3 tháng trước hạn sử dụng, và cần khoảng 1 tháng để nhận thẻ mới. Có thể dùng đơn xin cấp gửi kèm thông báo hết hạn. Miễn phí.", viDate(r.Expiry), viDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("Chứng chỉ điện tử được cấp vào %s, sau ngày hôm nay theo máy tính này (%s). Ngày của máy tính không đúng, nên jpkicheck không đưa ra câu trả lời về việc gia hạn.", viDate(notBefore), viDate(today))
	},
	ClockWrongHint: "hãy đặt lại ngày giờ của máy tính cho đúng (hoặc sửa --today) rồi chạy lại",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("Chứng chỉ điện tử đã hết hạn vào %s nên mọi ngày nhắc đều đã qua: không tạo tệp lịch. Quý vị có thể được cấp chứng chỉ điện tử mới miễn phí tại quầy tiếp nhận của tòa thị chính (市区町村の窓口).", viDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("Các ngày nhắc đều đã qua: không tạo tệp lịch. Hiện đang trong thời gian tiếp nhận gia hạn; ngày cuối cùng có thể làm thủ tục tại quầy là %s.", viDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `Tùy chọn khác:
  --office TỆP          tính cả các ngày làm việc bổ sung và ngày nghỉ trong tệp
                        thông tin quầy (xem jpkicheck kiosk --help)
  --card-expiry NGÀY    hạn sử dụng của chính thẻ, in ở mặt trước: cho biết có
                        cần gia hạn thẻ hay không

--expiry và --card-expiry cũng nhận 2027/3/15, 2027年3月15日 và 令和9年3月15日.
`
		case "check", "demo":
			return `Tùy chọn khác:
  --card-expiry NGÀY    hạn sử dụng của chính thẻ, in ở mặt trước: cho biết có
                        cần gia hạn thẻ hay không (2027-03-15, 2027/3/15 hoặc
                        令和9年3月15日)
`
		case "":
			return "Phiên bản: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("Mã PIN xác thực người dùng (4 chữ số) của thẻ mô phỏng là %s và mã PIN dùng để ký (chữ và số) là %s. Hãy thử: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("có phải ý quý vị là --sim %s?", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait %q không phải là khoảng thời gian. Ví dụ: --wait 30s (hoặc 2m; 0 = không chờ)", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("không ghi được %s: thư mục không tồn tại. Hãy tạo thư mục trước, hoặc chỉ định tệp trong thư mục đã có. Ví dụ: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("không ghi được %s: hãy kiểm tra quyền ghi vào thư mục đó. Ví dụ: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "không có tệp này"
		case "not_pem":
			return "trong tệp không có chứng chỉ của cơ quan chứng thực ở định dạng PEM (-----BEGIN CERTIFICATE-----)"
		}
		return "không đọc được tệp"
	},
	ErrorHint: "nếu việc này lặp lại, hãy chạy cùng lệnh với --trace và gửi nội dung hiển thị (mã PIN, số sê-ri và thông tin cá nhân được che đi)",
}

// viCapitalise starts a sentence with a PIN's name: mã PIN → Mã PIN.
func viCapitalise(s string) string {
	if strings.HasPrefix(s, "mã") {
		return "M" + s[1:]
	}
	return s
}

func viProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "Dịch vụ thẻ thông minh (PC/SC) không hoạt động."
	case NoReader:
		return "Không tìm thấy đầu đọc thẻ."
	case NoCard:
		return "Không có thẻ trong đầu đọc thẻ."
	case UnknownReader:
		return fmt.Sprintf("Không có đầu đọc thẻ nào khớp với %q. Các đầu đọc đang kết nối: %s.", d.Reader, strings.Join(d.Readers, ", "))
	case CardRemoved:
		return "Thẻ đã bị rút ra trong khi đang đọc."
	case CardInUse:
		return "Một chương trình khác đang sử dụng thẻ."
	case CardMute:
		return "Thẻ trong đầu đọc không phản hồi."
	case CardTimeout:
		return "Thẻ đã ngừng phản hồi."
	case NotJPKI:
		return "Thẻ này có vẻ không phải là thẻ My Number (マイナンバーカード): không tìm thấy chức năng chứng chỉ điện tử."
	case JukiCard:
		return "Đây là thẻ Sổ đăng ký cư dân cơ bản (住基カード), không phải thẻ My Number (マイナンバーカード)."
	case Smartphone:
		return "Đây là chứng chỉ điện tử dành cho điện thoại thông minh, không phải thẻ My Number (マイナンバーカード)."
	case UnknownToken:
		return fmt.Sprintf("Thẻ này có chức năng chứng chỉ điện tử thuộc loại jpkicheck không biết (%q).", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "Thẻ My Number (マイナンバーカード) này không có chứng chỉ điện tử dùng để ký (署名用電子証明書)."
		}
		return "Thẻ My Number (マイナンバーカード) này không có chứng chỉ điện tử xác thực người dùng (利用者証明用電子証明書)."
	case Malformed:
		return "Không đọc được chính xác chứng chỉ điện tử trên thẻ."
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("Thẻ báo rằng %s đang bị khóa. Nếu đây là thẻ My Number xác thực khuôn mặt (顔認証マイナンバーカード), tức thẻ không cài đặt mã PIN, thì hiển thị như vậy là bình thường.", viPINName(d.PIN))
		}
		return fmt.Sprintf("%s đang bị khóa.", viCapitalise(viPINName(d.PIN)))
	case PINWrong:
		return fmt.Sprintf("%s không đúng. Còn %d lần.", viCapitalise(viPINName(d.PIN)), d.TriesLeft)
	case PINLastTry:
		return fmt.Sprintf("%s chỉ còn 1 lần nhập nên jpkicheck đã không gửi đến thẻ.", viCapitalise(viPINName(d.PIN)))
	case PINDeclined:
		return "Không có gì được gửi đến thẻ."
	case PINMissing:
		return "Không có mã PIN trong đầu vào chuẩn. Không có gì được gửi đến thẻ."
	case Cancelled:
		return "Đã hủy."
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "Mã PIN dùng để ký phải có cả chữ cái (A–Z) và chữ số nửa độ rộng, mỗi loại ít nhất 1 ký tự. Không có gì được gửi đến thẻ."
			}
			return "Mã PIN dùng để ký gồm 6 đến 16 ký tự nửa độ rộng, kết hợp chữ cái (A–Z) và chữ số. Không có gì được gửi đến thẻ."
		}
		return "Mã PIN xác thực người dùng gồm đúng 4 chữ số nửa độ rộng. Không có gì được gửi đến thẻ."
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return viNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("Thẻ này không được cài đặt %s. Thẻ My Number xác thực khuôn mặt (顔認証マイナンバーカード) là thẻ không cài đặt mã PIN.", viPINName(d.PIN))
	case PINBusy:
		return "Theo thẻ, mã PIN đang ở trạng thái đã được một chương trình khác xác nhận, nên không biết số lần còn lại. Không có gì được gửi đến thẻ."
	case CardLink:
		return "Việc truyền dữ liệu với thẻ không thành công."
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "Đã xảy ra sự cố."
}

func viHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "khi đã sẵn sàng, hãy chạy lại"
	case NoService:
		switch goos {
		case "windows":
			return "hãy khởi động dịch vụ \"Smart Card\" (services.msc), hoặc rút đầu đọc ra rồi cắm lại"
		case "darwin":
			return "hãy rút đầu đọc ra rồi cắm lại; trên macOS dịch vụ tự khởi động"
		}
		return "hãy khởi động dịch vụ: sudo systemctl start pcscd.socket (Debian/Ubuntu: sudo apt install pcscd)"
	case NoReader:
		return "hãy kết nối đầu đọc thẻ USB (loại tiếp xúc, hoặc đầu đọc NFC như PaSoRi); đầu đọc NFC có thể cần cài trình điều khiển"
	case NoCard:
		return "hãy cắm thẻ vào (phía chip IC trước, mặt trước hướng lên) hoặc đặt thẻ nằm phẳng trên đầu đọc NFC rồi chạy lại; --wait 60s để chờ lâu hơn"
	case UnknownReader:
		return "hãy chạy 'jpkicheck readers' để xem tên, rồi chỉ định một phần tên đó cho --reader"
	case CardRemoved:
		return "hãy đặt thẻ lại rồi chạy lại; với đầu đọc NFC, đừng di chuyển thẻ cho đến khi có kết quả"
	case CardInUse:
		return "hãy đóng các chương trình khác đang dùng thẻ (phần mềm máy khách JPKI (利用者クライアントソフト), e-Tax, đăng nhập qua trình duyệt) rồi thử lại"
	case CardMute:
		return "hãy rút thẻ ra và cắm lại, phía chip IC trước và mặt trước hướng lên; lau nhẹ chip có thể giúp khắc phục"
	case CardTimeout:
		return "hãy rút thẻ ra, cắm lại rồi chạy lại; nếu vẫn tiếp diễn, hãy thử đầu đọc khác"
	case NotJPKI:
		return "hãy đặt thẻ My Number (マイナンバーカード / 個人番号カード) vào; các thẻ IC khác như thẻ ngân hàng hay thẻ giao thông không có chứng chỉ điện tử"
	case JukiCard:
		// advice: juki-card
		return "chứng chỉ điện tử trên thẻ này không còn được cấp mới; nếu cần chứng chỉ điện tử, hãy đăng ký thẻ My Number (マイナンバーカード)"
	case Smartphone:
		// advice: smartphone-not-card
		return "có thể xem hạn của chứng chỉ điện tử trên điện thoại trong ứng dụng Mynaportal; jpkicheck đọc chính chiếc thẻ"
	case UnknownToken, Malformed:
		return "hãy rút thẻ ra, cắm lại rồi chạy lại; nếu vẫn tiếp diễn, vui lòng hỏi quầy tiếp nhận của tòa thị chính (市区町村の窓口)"
	case NoCertificate:
		// advice: sign-revoked-change
		return "chứng chỉ chưa được cấp hoặc đã mất hiệu lực; nếu cần, hãy xin cấp mới tại quầy tiếp nhận của tòa thị chính (市区町村の窓口)"
	case PINLocked:
		hint := strings.TrimSuffix(viPINReset, ".")
		if d.MaybeNoPIN {
			return "nếu không phải là thẻ xác thực khuôn mặt thì mã PIN thực sự đã bị khóa. " + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheck không bao giờ tự thử lại; nếu không chắc chắn, xin đừng đoán mà hãy làm thủ tục cài đặt lại (khởi tạo lại) mã PIN"
	case PINLastTry:
		// advice: pin-reset-office
		return "nếu chắc chắn, hãy chạy lại với --force; nếu không, hãy làm thủ tục cài đặt lại (khởi tạo lại) mã PIN"
	case PINFormat:
		return "hãy kiểm tra lại những gì đã nhập; chữ thường và ký tự toàn độ rộng được chấp nhận và chuyển đổi; không tiêu tốn lần nào"
	case PINNotSet:
		return "không có gì được gửi đến thẻ nên không tiêu tốn lần nào"
	case PINBusy:
		return "hãy đóng các chương trình khác đang dùng thẻ, rút thẻ ra và cắm lại, rồi thử lại một lần nữa"
	case CardLink:
		return "hãy đặt thẻ lại vào đầu đọc và giữ yên cho đến khi có kết quả, rồi chạy lại"
	case PINMissing:
		return "hãy đưa mã PIN thành một dòng qua đầu vào chuẩn: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINDeclined:
		return "hãy nhập mã PIN khi được hỏi; script có thể đưa mã qua đầu vào chuẩn (printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth)"
	}
	return "hãy chạy lại với --trace để xem từng bước, và nếu vẫn tiếp diễn, hãy báo cáo sự cố"
}

// viPINName names a PIN with its form, as municipal pages do: the card has
// two more 4-digit PINs, so "the 4-digit PIN" alone would not say which.
func viPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "mã PIN dùng để ký (6–16 ký tự chữ và số)"
	}
	return "mã PIN xác thực người dùng (4 chữ số)"
}

// advice: child-no-sign
const viNoSignCert = "Thẻ này không có chứng chỉ điện tử dùng để ký (署名用電子証明書), nên cũng không có mã PIN của chứng chỉ đó. " +
	"Thẻ của người dưới 15 tuổi và thẻ xác thực khuôn mặt không có chứng chỉ này."

// viFaceAuth is said where a card may be a face-authentication card.
const viFaceAuth = "" +
	// advice: faceauth-what
	"Nếu đây là thẻ My Number xác thực khuôn mặt (顔認証マイナンバーカード), tức thẻ không cài đặt mã PIN, thì hiển thị như vậy là bình thường. " +
	// advice: faceauth-cannot
	"Với thẻ xác thực khuôn mặt, không thể dùng các dịch vụ cần nhập mã PIN như cấp giấy tờ tại cửa hàng tiện lợi, Mynaportal, e-Tax. " +
	// advice: faceauth-switch-back
	"Tại quầy tiếp nhận của tòa thị chính (市区町村の窓口), quý vị cũng có thể đổi lại thành thẻ thông thường có cài đặt mã PIN."

// viPINReset is where a locked PIN is reset.
const viPINReset = "" +
	// advice: pin-reset-office
	"Có thể làm thủ tục cài đặt lại (khởi tạo lại) mã PIN tại quầy tiếp nhận của tòa thị chính (市区町村の窓口): vui lòng mang theo thẻ My Number (マイナンバーカード) và giấy tờ tùy thân. " +
	// advice: pin-reset-convenience
	"Nếu quý vị biết mã PIN kia và chứng chỉ điện tử còn hạn, chưa mất hiệu lực, quý vị cũng có thể đặt trước trên ứng dụng điện thoại " +
	"「JPKI暗証番号リセット」 (JPKI PIN Reset) rồi cài đặt lại trong vòng 24 giờ tại máy kiosk (máy photocopy đa năng) ở cửa hàng tiện lợi " +
	"(cần điện thoại thông minh đọc được chip IC của thẻ)."

const viBringInPerson = "" +
	// advice: bring-in-person
	"Vui lòng mang theo thẻ My Number (マイナンバーカード). Tại quầy, quý vị nhập mã PIN của chứng chỉ điện tử xác thực người dùng (利用者証明用電子証明書) (4 chữ số) và mã PIN của chứng chỉ điện tử dùng để ký (署名用電子証明書) (6–16 ký tự chữ và số). " +
	"Tùy quầy, quý vị cũng nhập mã PIN dùng cho Sổ đăng ký cư dân cơ bản (4 chữ số). " +
	// advice: bring-pin-unknown
	"Nếu không nhớ mã PIN hoặc mã đã bị khóa, quầy sẽ cài đặt lại (khởi tạo lại) mã PIN trước rồi mới gia hạn. Vui lòng mang theo cả giấy tờ tùy thân (ví dụ giấy phép lái xe)."

const viBringByProxy = "" +
	// advice: proxy-before-expiry
	"Người đại diện mang theo thẻ My Number (マイナンバーカード) của đương sự, phiếu hỏi kiêm phiếu trả lời (照会書兼回答書) gửi kèm thông báo hết hạn (do đương sự điền, ghi mã PIN, cho vào phong bì và dán kín), " +
	"và giấy tờ tùy thân có ảnh của chính người đại diện (thẻ My Number, giấy phép lái xe, hộ chiếu, v.v.). " +
	// advice: proxy-form-valid-until-expiry
	"Phiếu hỏi kiêm phiếu trả lời (照会書兼回答書) dùng được đến ngày hết hạn của chứng chỉ điện tử."

// advice: proxy-no-form
const viBringByProxyNoForm = "Nếu không có phiếu hỏi kiêm phiếu trả lời (照会書兼回答書) (ví dụ khi đã quá hạn), sau khi tiếp nhận đơn của người đại diện, tòa thị chính sẽ gửi phiếu hỏi qua bưu điện đến đương sự. " +
	"Người đại diện mang lại phiếu do đương sự điền, nên phải đến quầy 2 lần."

// advice: proxy-pin-reset
const viBringByProxyPINReset = "Nếu người đại diện làm thủ tục cài đặt lại (khởi tạo lại) mã PIN thì không xong trong ngày. " +
	"Sau khi nộp đơn, phiếu hỏi kiêm phiếu trả lời (照会書兼回答書) được gửi qua bưu điện đến đương sự, và người đại diện mang lại phiếu do đương sự điền."

// viAdvice is what the situation means and what to do, a paragraph each.
func viAdvice(s Situation) []string {
	var out []string
	atOffice, office := " tại quầy tiếp nhận của tòa thị chính (市区町村の窓口)", true
	if !s.usualWindow() {
		atOffice, office = "", false // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Hiện chưa cần làm thủ tục. Nếu làm thủ tục hôm nay, %s, thì sẽ được xem là cấp mới chứ không phải gia hạn, và hạn sử dụng sẽ là %s. "+
				"Như vậy ngắn hơn %s so với hạn %s khi gia hạn từ %s trở đi.", viDate(s.Today), viDate(early), viYearsMonths(lost), viDate(renewed), viDate(s.Opens)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Hiện chưa cần làm thủ tục. Nếu làm thủ tục trước thời gian có thể gia hạn thì sẽ được xem là cấp mới và hạn sử dụng sẽ ngắn hơn. "+
				"Chúng tôi khuyên quý vị làm thủ tục từ %s trở đi.", viDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "Chứng chỉ điện tử có hiệu lực đến sinh nhật lần thứ 5 sau ngày cấp. Nếu gia hạn trong thời gian có thể gia hạn "+
				"(còn dưới 3 tháng đến ngày hết hạn) thì có hiệu lực đến sinh nhật lần thứ 6. Tuy nhiên, không bao giờ vượt quá hạn sử dụng của thẻ.")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := "Vui lòng làm thủ tục gia hạn" + atOffice + ". Việc gia hạn chứng chỉ điện tử miễn phí."
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf(" Nếu gia hạn trong thời gian có thể gia hạn, chứng chỉ điện tử mới sẽ có hạn đến %s. "+
					"Trong thời gian này, làm thủ tục sớm cũng không làm hạn sử dụng ngắn đi.", viDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += " Vui lòng hỏi quầy tiếp nhận về hạn sử dụng của chứng chỉ điện tử mới."
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "Cho đến khi được cấp chứng chỉ điện tử mới, không thể dùng thẻ để đăng nhập Mynaportal, cấp giấy tờ tại cửa hàng tiện lợi, " +
				"hay làm các thủ tục trực tuyến như e-Tax."
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" Việc dùng thẻ làm thẻ bảo hiểm y tế (マイナ保険証) vẫn tiếp tục được đến cuối tháng thứ 3 sau tháng hết hạn, tức là đến %s. "+
					"Trong thời gian này, cơ sở y tế vẫn xác nhận được tư cách bảo hiểm, nhưng thông tin khám chữa bệnh và thông tin thuốc sẽ không được cung cấp.", viDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" Việc dùng thẻ làm thẻ bảo hiểm y tế (マイナ保険証) cũng đã kết thúc vào cuối tháng thứ 3 sau tháng hết hạn, %s.", viDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "Vì đã hết hạn nên không thể ký điện tử trong các thủ tục nộp đơn trực tuyến như e-Tax. "+
				"Việc cấp giấy tờ tại cửa hàng tiện lợi và việc dùng làm thẻ bảo hiểm y tế không sử dụng chứng chỉ điện tử dùng để ký (署名用電子証明書).")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "Kể cả sau khi hết hạn, quý vị vẫn có thể được cấp chứng chỉ điện tử mới miễn phí"+atOffice+". "+
			"Chứng chỉ điện tử mới dùng được sau khoảng 24 giờ kể từ khi làm thủ tục cấp.")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "Khi họ tên, địa chỉ, ngày sinh hoặc giới tính thay đổi do chuyển nhà, kết hôn, v.v., chứng chỉ điện tử dùng để ký (署名用電子証明書) sẽ tự động mất hiệu lực " +
			"(chứng chỉ điện tử xác thực người dùng (利用者証明用電子証明書) vẫn dùng được như cũ). Chứng chỉ dùng để ký đã mất hiệu lực vẫn còn trong thẻ nhưng không dùng được."
		if office {
			p += " Nếu cần, hãy xin cấp mới tại quầy tiếp nhận của tòa thị chính (市区町村の窓口)."
		}
		p += fmt.Sprintf(" jpkicheck chỉ đọc nội dung của thẻ nên không biết chứng chỉ dùng để ký đã mất hiệu lực hay chưa. "+
			"Hạn đến %s là hạn khi chứng chỉ chưa mất hiệu lực.", viDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "Đối với cư dân người nước ngoài có thời hạn lưu trú, hạn sử dụng là đến ngày hết thời hạn lưu trú, nên cách tính này không áp dụng. "+
			"Dù thời hạn lưu trú được gia hạn, hạn sử dụng cũng không tự động kéo dài: khi nhận thẻ cư trú (在留カード) mới, "+
			"vui lòng làm thủ tục thay đổi thời hạn hiệu lực tại quầy tiếp nhận của tòa thị chính (市区町村の窓口) trước khi thẻ hết hạn.")
	}
	return out
}

func viUnknownCard(card string) string {
	if card == "unknown" {
		return "thẻ JPKI không rõ loại"
	}
	return ""
}

// viCheckFlags are check's own flags, which demo takes too.
const viCheckFlags = `  --quick               chỉ đọc ngày hết hạn; bỏ qua việc kiểm tra nơi cấp
  --sign                đọc cả chứng chỉ dùng để ký (hỏi mã PIN dùng để ký)
  --force               với --sign: gửi mã PIN kể cả ở lần cuối cùng
  --show-personal       với --sign: hiển thị cả họ tên, địa chỉ, ngày sinh và
                        giới tính ghi trong chứng chỉ
`

// viReaderFlags choose the reader and how long to wait for a card.
const viReaderFlags = `  --reader TÊN          dùng đầu đọc có tên chứa TÊN (mặc định: đầu đọc đầu tiên
                        có thẻ; nếu không có thì chờ thẻ)
  --wait THỜI_GIAN      thời gian chờ thẻ (mặc định 30s; 0 = không chờ)
`

// viCardFlags are the rest of the card flags every command that reads a
// card takes.
const viCardFlags = `  --sim [HỒ_SƠ]         dùng thẻ mô phỏng có sẵn thay cho đầu đọc
  --trace               hiển thị mọi lệnh gửi đến thẻ (mã PIN được che)
  --trust-ca TỆP        chấp nhận thêm các chứng chỉ cơ quan chứng thực này (PEM)
  --today YYYY-MM-DD    tính như thể hôm nay là ngày đó (mặc định: hôm nay ở Nhật)
  --months N            độ dài thời gian gia hạn tính bằng tháng (mặc định 3)
`
