package report

import "fmt"

// koKiosk is the kiosk page in Korean, translated from the Japanese and
// to be reviewed by the office before use.
var koKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "마이넘버카드(マイナンバーカード) 전자증명서 유효기한 확인",
		LangButton:      "日本語",
		LangButtonLabel: "このページを日本語で表示",

		Insert:     "마이넘버카드(マイナンバーカード)를 카드 리더기에 올려놓아 주십시오",
		InsertNote: "비밀번호를 입력할 필요는 없습니다.",
		Privacy:    "카드 정보는 저장하지 않습니다. 카드를 가져가시면 화면에서 사라집니다.",

		Reading:     "카드를 읽고 있습니다…",
		ReadingNote: "끝날 때까지 카드를 움직이지 마십시오.",
		ReadingRest: "나머지를 읽고 있습니다…",

		TakeCard:     "카드를 가져가십시오",
		TakeCardNote: "카드를 잊지 않도록 주의해 주십시오.",

		NoReader:      "카드 리더기가 연결되어 있지 않습니다",
		NoReaderNote:  "직원에게 알려 주십시오. 연결되면 자동으로 시작됩니다.",
		NoService:     "카드를 읽는 기능이 멈춰 있습니다",
		NoServiceNote: "직원에게 알려 주십시오. 복구되면 자동으로 시작됩니다.",
		Reconnecting:  "화면을 다시 연결하고 있습니다…",

		RetryHint: "카드를 한 번 꺼내고, 방향을 확인하여 다시 올려놓아 주십시오.",
		StaffHint: "여러 번 계속되면 직원에게 알려 주십시오.",

		BadgeNotYetOpen: "유효합니다",
		BadgeOpen:       "갱신할 수 있습니다",
		BadgeExpired:    "기한 만료",
		BadgeError:      "확인하지 못했습니다",
		WarningLabel:    "주의",

		TimelineTitle:  "갱신할 수 있는 기간과 오늘",
		TimelineOpens:  "접수 시작",
		TimelineExpiry: "유효기한",
		TimelineToday:  "오늘",

		OfficeTitle:   "절차를 밟는 창구",
		OfficeExample: "표시 예입니다(이 단말기의 창구 정보는 아직 설정되지 않았습니다)",
		OfficeCounter: "창구",
		OfficeFloor:   "장소",
		OfficeHours:   "접수 시간",
		OfficePhone:   "전화",

		BadgeLocked:     "비밀번호 잠김",
		BadgeLastTry:    "비밀번호 1회 남음",
		DecisionBy:      "언제까지",
		DecisionWhere:   "어디에서",
		ByLastOfficeDay: "(창구가 열려 있는 마지막 날)",
		ByExpiry:        "(유효기한 당일)",
		ExampleShort:    "(표시 예)",
		MoreBelow:       "아래에 자세한 설명이 있습니다",
		BiggerText:      "글자를 크게",
		NormalText:      "글자를 원래 크기로",
		TimelineBefore:  "접수 전",
		TimelineAfter:   "기한 만료",
		TouchToKeep:     "계속 읽으시려면 화면을 터치해 주십시오.",
		Details:         "자세히",
	},

	HelpKiosk: `사용법:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office 파일] [--reader 이름] [--linger 60s] [--quick] [--browser]

시청 로비 등에 두는 단말기를 위해 전체 화면 페이지를 제공하는 서버를 시작합니다.
카드를 올려놓으면 바로 결과를 표시하고, 카드를 가져가면 화면에서 사라집니다. 비밀번호 입력은 없으며,
개인 정보는 읽지 않고, 아무것도 저장하지 않습니다. 표시된 주소를 브라우저의 전체 화면
(키오스크 모드)으로 열거나, --browser로 브라우저를 시작하게 하십시오. Ctrl+C로 종료합니다.
로그의 각 행은 날짜와 시각으로 시작하며, 방문자의 날짜는 기록하지 않습니다.

옵션:
  --listen 주소         대기할 주소(기본값 127.0.0.1:8080. 다른 단말기에서 접근할 수 있는
                        주소에는 --allow-lan이 필요합니다)
  --allow-lan           다른 단말기에서 접근할 수 있는 주소를 허용. 페이지・API・/metrics
                        에는 시작 시 표시하는 토큰이 필요해집니다
  --token-file 파일     그 토큰을 파일에서 읽음(다시 시작해도 같음. 감시용).
                        생략 시 시작할 때마다 새로 만듭니다
  --browser             제공을 시작하면 Chromium・Chrome・Edge를 전체 화면으로 시작하고,
                        브라우저가 종료되면 다시 시작하며, 종료 시 닫음
  --browser-path 파일   --browser로 시작할 브라우저
  --office 파일         창구 안내(창구・장소・접수 시간・전화)를 적은 파일.
                        생략 시 '표시 예'라고 명시한 예를 표시합니다
  --reader 이름         이름에 이 문자가 포함된 리더기만 사용
  --linger 시간         결과를 표시한 뒤 '카드를 가져가십시오'로 바뀔 때까지(기본값 60s. 지정하지 않으면 창구 파일의 reading_time)
  --quick               유효기한만 읽고 발행처 확인을 생략
  --lang LANG           처음에 표시할 언어(기본값 ja)
  --sim [프로필]        내장된 모의 카드를 올려놓은 상태로 시작(전시・확인용)
  --trust-ca 파일       이 인증기관의 증명서(PEM)도 인정
  --today YYYY-MM-DD    이 날을 '오늘'로 하여 계산
  --months N            접수 기간의 개월 수(기본값 3)
  --trace               카드에 보내는 명령을 모두 표시(비밀번호는 보내지 않습니다)
  --json                주소를 스크립트용으로 JSON으로 출력

예:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `사용법:
  jpkicheck ui [--no-browser] [--reader 이름] [--quick] [--sim [프로필]]

키오스크와 같은 페이지를 자신의 컴퓨터에서 표시합니다. 이 컴퓨터에서만 열 수 있고
시작할 때마다 바뀌는 주소로 서버를 시작하여, 기본 브라우저로 엽니다.
Ctrl+C로 종료합니다.

옵션:
  --no-browser          브라우저를 열지 않고 주소만 표시
  --reader 이름         이름에 이 문자가 포함된 리더기만 사용
  --linger 시간         결과를 표시한 뒤 '카드를 가져가십시오'로 바뀔 때까지(기본값 60s. 지정하지 않으면 창구 파일의 reading_time)
  --quick               유효기한만 읽고 발행처 확인을 생략
  --lang LANG           처음에 표시할 언어
  --sim [프로필]        리더기 대신 내장된 모의 카드를 사용
  --trust-ca 파일       이 인증기관의 증명서(PEM)도 인정
  --today YYYY-MM-DD    이 날을 '오늘'로 하여 계산
  --months N            접수 기간의 개월 수(기본값 3)
  --trace               카드에 보내는 명령을 모두 표시(비밀번호는 보내지 않습니다)
  --json                주소를 스크립트용으로 JSON으로 출력

예:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("키오스크 화면을 제공하고 있습니다: %s (Ctrl+C로 종료)", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("경고: %s에서 대기합니다. 네트워크상의 다른 단말기에서도 이 화면을 열 수 있습니다. "+
			"로비의 단말기에서만 표시하려면 --listen 127.0.0.1:8080으로 하십시오.", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("브라우저로 엽니다: %s (Ctrl+C로 종료)", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("브라우저를 열지 못했습니다. 이 주소를 열어 주십시오: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("--listen %s에서 대기할 수 없습니다(%s). 예: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger의 '%s': 0 이상의 시간으로 지정해 주십시오. 예: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("'%s'(이)라는 항목은 없습니다('%s'을(를) 말씀하신 것입니까?)", p.Field, p.Suggest)
			}
			return fmt.Sprintf("'%s'(이)라는 항목은 없습니다(사용할 수 있는 항목: %s)", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("'%s'의 언어 지정이 잘못되었습니다(항목명, 항목명.ja, 항목명.en 중 하나로 하십시오)", p.Field)
		case "missing_equals":
			return fmt.Sprintf("'%s' 뒤에 '='가 없습니다(항목명 = 값 형식으로 써 주십시오)", p.Field)
		case "missing_key":
			return "'=' 앞에 항목명이 없습니다(항목명 = 값 형식으로 써 주십시오)"
		case "duplicate":
			return fmt.Sprintf("'%s'이(가) 2번 쓰여 있습니다(처음은 %d행)", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("'%s'에 값이 없습니다('=' 뒤에 값을 쓰거나 행을 지워 주십시오)", p.Field)
		case "too_long":
			return fmt.Sprintf("'%s'이(가) %d자를 넘습니다", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("'%s'에 제어 문자가 들어 있습니다", p.Field)
		case "bad_utf8":
			return "문자 코드가 UTF-8이 아닙니다(메모장의 '다른 이름으로 저장'에서 인코딩 UTF-8을 선택해 주십시오)"
		case "utf16":
			return "UTF-16으로 저장되어 있습니다(메모장의 '다른 이름으로 저장'에서 인코딩 UTF-8을 선택해 주십시오)"
		case "too_big":
			return fmt.Sprintf("파일이 너무 큽니다(%d KiB까지. 창구 안내는 몇 행입니다)", p.Limit)
		case "no_fields":
			return fmt.Sprintf("항목이 하나도 쓰여 있지 않습니다(사용할 수 있는 항목: %s)", p.Known)
		case "unreadable":
			return fmt.Sprintf("읽을 수 없습니다(%s)", p.Field)
		case "only_english":
			return fmt.Sprintf("'%s'에 대응하는 일본어 항목이 없습니다(영어만 있으면 일본어 화면이 비게 됩니다)", p.Field)
		case "bad_date":
			return fmt.Sprintf("'%s'의 '%s'은(는) 날짜가 아닙니다(YYYY-MM-DD 형식으로, 예: 2027-03-27. 여러 개는 쉼표로 구분합니다)", p.Field, p.Value)
		case "bad_range":
			return fmt.Sprintf("'%s'의 '%s'은(는) 기간이 아닙니다(시작..끝 형식으로, 이른 날을 먼저, %d일 이내)", p.Field, p.Value, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s이(가) 이 행의 '%s'와(과) %d행 양쪽에 있습니다(개청일과 폐청일 중 하나로 하십시오)", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("open_days와 closed_days의 일수가 %d일을 넘습니다", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("'%s'의 '%s': on 또는 off로 지정해 주십시오", p.Field, p.Value)
			}
			return fmt.Sprintf("'%s'의 '%s': 1~%d의 초 수로 지정해 주십시오(예: %s = 60)", p.Field, p.Value, p.Limit, p.Field)
		}
		return "읽을 수 없는 행입니다"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("%s에서는 대기하지 않습니다. 네트워크상의 다른 단말기에서 방문자 한 사람 한 사람의 결과가 보이게 됩니다. "+
			"로비의 단말기에서만 사용할 때는 --listen 127.0.0.1:8080으로 하십시오. 다른 단말기에 의도적으로 보여 줄 때는 "+
			"--allow-lan을 붙이십시오(페이지에는 시작 시 표시하는 토큰이 필요해집니다).", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("이 페이지는 네트워크상의 다른 단말기에서 열 수 있습니다. 열려면 토큰이 필요합니다: %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("이 컴퓨터의 시계가 %s(으)로 되어 있어 올바르지 않습니다. 날짜와 시각을 올바르게 맞출 때까지 "+
			"결과는 표시하지 않습니다(직원께: 시계와 시각 동기화 설정을 확인해 주십시오).", now)
	},
	NoBrowser: "--browser에서 사용할 브라우저(Chromium, Google Chrome, Microsoft Edge)를 찾을 수 없습니다. 설치하거나 --browser-path로 지정해 주십시오",
}
