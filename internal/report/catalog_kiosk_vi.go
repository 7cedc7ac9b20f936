package report

import "fmt"

var viKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "Thẻ My Number (マイナンバーカード): kiểm tra hạn chứng chỉ điện tử",
		LangButton:      "日本語",
		LangButtonLabel: "日本語で表示する",

		Insert:     "Vui lòng đặt thẻ My Number (マイナンバーカード) lên đầu đọc thẻ",
		InsertNote: "Không cần nhập mã PIN.",
		Privacy:    "Thông tin của thẻ không được lưu lại. Khi quý vị lấy thẻ ra, thông tin sẽ biến mất khỏi màn hình.",

		Reading:     "Đang đọc thẻ…",
		ReadingNote: "Vui lòng không di chuyển thẻ cho đến khi đọc xong.",
		ReadingRest: "Đang đọc phần còn lại…",

		TakeCard:     "Vui lòng lấy thẻ ra",
		TakeCardNote: "Xin đừng quên thẻ.",

		NoReader:      "Đầu đọc thẻ chưa được kết nối",
		NoReaderNote:  "Vui lòng báo cho nhân viên. Khi đầu đọc được kết nối, việc kiểm tra sẽ tự bắt đầu.",
		NoService:     "Chức năng đọc thẻ hiện đang ngừng hoạt động",
		NoServiceNote: "Vui lòng báo cho nhân viên. Khi hoạt động trở lại, việc kiểm tra sẽ tự bắt đầu.",
		Reconnecting:  "Đang kết nối lại màn hình…",

		RetryHint: "Vui lòng lấy thẻ ra, kiểm tra lại chiều của thẻ rồi đặt lại.",
		StaffHint: "Nếu việc này cứ lặp lại, vui lòng báo cho nhân viên.",

		BadgeNotYetOpen: "Còn hiệu lực",
		BadgeOpen:       "Có thể gia hạn",
		BadgeExpired:    "Đã hết hạn",
		BadgeError:      "Không kiểm tra được",
		WarningLabel:    "Lưu ý",

		TimelineTitle:  "Thời gian có thể gia hạn và hôm nay",
		TimelineOpens:  "Bắt đầu tiếp nhận",
		TimelineExpiry: "Ngày hết hạn",
		TimelineToday:  "Hôm nay",

		OfficeTitle:   "Nơi làm thủ tục",
		OfficeExample: "Chỉ là ví dụ (thông tin quầy tiếp nhận của máy này chưa được cài đặt)",
		OfficeCounter: "Quầy",
		OfficeFloor:   "Vị trí",
		OfficeHours:   "Giờ tiếp nhận",
		OfficePhone:   "Điện thoại",

		BadgeLocked:     "Mã PIN đang bị khóa",
		BadgeLastTry:    "Mã PIN: còn 1 lần",
		DecisionBy:      "Hạn chót",
		DecisionWhere:   "Ở đâu",
		ByLastOfficeDay: " (ngày làm việc cuối cùng của quầy)",
		ByExpiry:        " (ngày hết hạn)",
		ExampleShort:    " (ví dụ)",
		MoreBelow:       "Xem chi tiết ở bên dưới",
		BiggerText:      "Chữ to hơn",
		NormalText:      "Chữ cỡ bình thường",
		TimelineBefore:  "Chưa đến",
		TimelineAfter:   "Đã hết hạn",
		TouchToKeep:     "Để tiếp tục đọc, vui lòng chạm vào màn hình.",
		Details:         "Chi tiết",
	},

	HelpKiosk: `Cách dùng:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office TỆP] [--reader TÊN] [--linger 60s] [--quick] [--browser]

Phục vụ một trang toàn màn hình cho máy tính đặt ở sảnh tòa thị chính. Khi đặt
thẻ, câu trả lời hiện ngay; khi lấy thẻ ra, màn hình được xóa. Không nhập mã PIN,
không đọc thông tin cá nhân và không lưu gì cả. Hãy mở địa chỉ được in ra trong
trình duyệt ở chế độ toàn màn hình (chế độ kiosk), hoặc để --browser mở trình
duyệt. Ctrl+C để dừng.
Mỗi dòng nhật ký bắt đầu bằng ngày và giờ; nhật ký không ghi các ngày của cư dân.

Tùy chọn:
  --listen ĐỊA_CHỈ      địa chỉ lắng nghe (mặc định 127.0.0.1:8080; địa chỉ mà
                        máy khác truy cập được cần --allow-lan)
  --allow-lan           cho phép địa chỉ mà máy khác truy cập được: trang, API
                        và /metrics khi đó cần mã thông báo (token) in ra lúc
                        khởi động
  --token-file TỆP      đọc token đó từ TỆP (giữ nguyên khi khởi động lại, để
                        giám sát); nếu không có, mỗi lần khởi động tạo token mới
  --browser             khi trang đã sẵn sàng, mở Chromium, Chrome hoặc Edge
                        toàn màn hình, mở lại nếu trình duyệt thoát, và đóng
                        khi kết thúc
  --browser-path TỆP    trình duyệt mà --browser mở
  --office TỆP          thông tin quầy tiếp nhận (quầy, vị trí, giờ tiếp nhận,
                        điện thoại); nếu không có, trang hiển thị ví dụ có ghi
                        rõ là ví dụ
  --reader TÊN          chỉ dùng các đầu đọc có tên chứa TÊN
  --linger THỜI_GIAN    thời gian hiển thị kết quả trước khi chuyển sang "vui
                        lòng lấy thẻ ra" (mặc định 60s; nếu không chỉ định thì
                        theo reading_time của tệp thông tin quầy)
  --quick               chỉ đọc ngày hết hạn; bỏ qua việc kiểm tra nơi cấp
  --lang LANG           ngôn ngữ đầu tiên của trang (mặc định ja)
  --sim [HỒ_SƠ]         khởi động với thẻ mô phỏng có sẵn đã được đặt vào
                        (trình diễn, kiểm tra)
  --trust-ca TỆP        chấp nhận thêm các chứng chỉ cơ quan chứng thực này (PEM)
  --today YYYY-MM-DD    tính như thể hôm nay là ngày đó
  --months N            độ dài thời gian gia hạn tính bằng tháng (mặc định 3)
  --trace               ghi nhật ký mọi lệnh gửi đến thẻ (không bao giờ gửi mã PIN)
  --json                in địa chỉ dưới dạng đối tượng JSON (cho script)

Ví dụ:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `Cách dùng:
  jpkicheck ui [--no-browser] [--reader TÊN] [--quick] [--sim [HỒ_SƠ]]

Hiển thị trang của kiosk trên máy tính của chính quý vị: khởi động một máy chủ
chỉ máy tính này truy cập được, ở địa chỉ thay đổi mỗi lần chạy, và mở trong
trình duyệt mặc định. Ctrl+C để dừng.

Tùy chọn:
  --no-browser          in địa chỉ thay vì mở trình duyệt
  --reader TÊN          chỉ dùng các đầu đọc có tên chứa TÊN
  --linger THỜI_GIAN    thời gian hiển thị kết quả trước khi chuyển sang "vui
                        lòng lấy thẻ ra" (mặc định 60s; nếu không chỉ định thì
                        theo reading_time của tệp thông tin quầy)
  --quick               chỉ đọc ngày hết hạn; bỏ qua việc kiểm tra nơi cấp
  --lang LANG           ngôn ngữ đầu tiên của trang
  --sim [HỒ_SƠ]         dùng thẻ mô phỏng có sẵn thay cho đầu đọc
  --trust-ca TỆP        chấp nhận thêm các chứng chỉ cơ quan chứng thực này (PEM)
  --today YYYY-MM-DD    tính như thể hôm nay là ngày đó
  --months N            độ dài thời gian gia hạn tính bằng tháng (mặc định 3)
  --trace               ghi nhật ký mọi lệnh gửi đến thẻ (không bao giờ gửi mã PIN)
  --json                in địa chỉ dưới dạng đối tượng JSON (cho script)

Ví dụ:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("đang phục vụ trang kiosk tại %s (Ctrl+C để dừng)", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("CẢNH BÁO: đang lắng nghe tại %s: các máy khác trong mạng có thể mở trang này. "+
			"Nếu chỉ dùng trên máy ở sảnh, hãy dùng --listen 127.0.0.1:8080.", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("đang mở %s trong trình duyệt (Ctrl+C để dừng)", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("không mở được trình duyệt; hãy mở địa chỉ này: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("không thể lắng nghe tại --listen %s (%s). Ví dụ: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger %q phải là khoảng thời gian từ 0 trở lên. Ví dụ: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("không có mục %q (có phải ý là %q?)", p.Field, p.Suggest)
			}
			return fmt.Sprintf("không có mục %q (các mục dùng được: %s)", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("chỉ định ngôn ngữ sai ở %q (hãy dùng tên_mục, tên_mục.ja hoặc tên_mục.en)", p.Field)
		case "missing_equals":
			return fmt.Sprintf("thiếu \"=\" sau %q (hãy viết tên_mục = giá_trị)", p.Field)
		case "missing_key":
			return "thiếu tên mục trước \"=\" (hãy viết tên_mục = giá_trị)"
		case "duplicate":
			return fmt.Sprintf("mục %q được viết 2 lần (lần đầu ở dòng %d)", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("mục %q không có giá trị (hãy viết giá trị sau \"=\", hoặc xóa dòng đó)", p.Field)
		case "too_long":
			return fmt.Sprintf("mục %q dài hơn %d ký tự", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("mục %q có ký tự điều khiển", p.Field)
		case "bad_utf8":
			return "văn bản không phải UTF-8 (trong Notepad: Save as, Encoding: UTF-8)"
		case "utf16":
			return "đã lưu dưới dạng UTF-16 (trong Notepad: Save as, Encoding: UTF-8)"
		case "too_big":
			return fmt.Sprintf("lớn hơn %d KiB; tệp thông tin quầy chỉ có vài dòng ngắn", p.Limit)
		case "no_fields":
			return fmt.Sprintf("không có mục nào được viết (các mục dùng được: %s)", p.Known)
		case "unreadable":
			return fmt.Sprintf("không đọc được tệp (%s)", p.Field)
		case "only_english":
			return fmt.Sprintf("%q được viết mà không có nội dung tiếng Nhật tương ứng (màn hình tiếng Nhật sẽ bị trống)", p.Field)
		case "bad_date":
			return fmt.Sprintf("%q trong %q không phải là ngày (hãy viết YYYY-MM-DD, ví dụ 2027-03-27; nhiều ngày thì ngăn cách bằng dấu phẩy)", p.Value, p.Field)
		case "bad_range":
			return fmt.Sprintf("%q trong %q không phải là khoảng ngày (hãy viết TỪ..ĐẾN, ngày sớm hơn trước, tối đa %d ngày)", p.Value, p.Field, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s có ở %q tại dòng này và ở danh sách kia tại dòng %d (mỗi ngày chỉ là ngày làm việc hoặc ngày nghỉ)", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("open_days và closed_days có hơn %d ngày", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("%q trong %q phải là on hoặc off", p.Value, p.Field)
			}
			return fmt.Sprintf("%q trong %q phải là số giây từ 1 đến %d (ví dụ %s = 60)", p.Value, p.Field, p.Limit, p.Field)
		}
		return "dòng không đọc được"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("từ chối lắng nghe tại %s: các máy khác trong mạng có thể xem kết quả của từng cư dân. "+
			"Nếu chỉ dùng trên máy ở sảnh, hãy dùng --listen 127.0.0.1:8080; nếu cố ý phục vụ các máy khác, hãy thêm --allow-lan "+
			"(khi đó trang cần token in ra lúc khởi động).", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("các máy khác trong mạng có thể mở trang này; trang cần token: hãy mở %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("Đồng hồ của máy tính này đang là %s, điều này không thể đúng. Kết quả sẽ không hiển thị cho đến khi ngày "+
			"và giờ được đặt đúng (gửi nhân viên: hãy kiểm tra đồng hồ và cài đặt đồng bộ thời gian).", now)
	},
	NoBrowser: "--browser không tìm thấy Chromium, Google Chrome hay Microsoft Edge; hãy cài một trình duyệt, hoặc chỉ định bằng --browser-path",
}
