package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The Korean catalogue is translated from the Japanese one and is to be
// reviewed by the office before use (docs/languages.md). Official Japanese
// terms follow their translation in parentheses the first time in a
// sentence, so that a resident can show the screen at the counter.

var koWeekdays = [...]string{"일", "월", "화", "수", "목", "금", "토"}

// koDate is the long date as Korean readers write it: 2027년 1월 10일(일).
func koDate(d window.Date) string {
	return fmt.Sprintf("%d년 %d월 %d일(%s)", d.Year, int(d.Month), d.Day, koWeekdays[d.Weekday()])
}

// koDateEra is a date of birth: 1990년 5월 1일(平成2年), the era year being
// what Japanese documents print.
func koDateEra(d window.Date) string {
	s := fmt.Sprintf("%d년 %d월 %d일", d.Year, int(d.Month), d.Day)
	if ey := d.EraYear(); ey != "" {
		return fmt.Sprintf("%s(%s)", s, ey)
	}
	return s
}

// koSpan says a duration in days while it is short and in years and months
// once it is long.
func koSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return fmt.Sprintf("%d일", to.DaysSince(from))
	}
	return koYearsMonths(sp)
}

// koYearsMonths renders whole years and months: 1년, 2년 9개월, 5개월.
func koYearsMonths(sp window.Span) string {
	var parts []string
	if sp.Years > 0 {
		parts = append(parts, fmt.Sprintf("%d년", sp.Years))
	}
	if sp.Months > 0 || sp.Years == 0 {
		parts = append(parts, fmt.Sprintf("%d개월", sp.Months))
	}
	return strings.Join(parts, " ")
}

var ko = Catalog{
	Lang:    Ko,
	Date:    koDate,
	DateEra: koDateEra,
	Kiosk:   koKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("아직 갱신할 수 있는 기간이 아닙니다. 갱신 접수는 내일, %s부터 시작됩니다.", koDate(w.Opens))
		}
		return fmt.Sprintf("아직 갱신할 수 있는 기간이 아닙니다. 갱신 접수는 %s부터 시작됩니다(앞으로 %s).", koDate(w.Opens), koSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("갱신할 수 있는 기간입니다. 오늘, %s이 유효기한 날이며 갱신할 수 있는 마지막 날입니다.", koDate(w.Expiry))
		}
		return fmt.Sprintf("갱신할 수 있는 기간입니다. 유효기한인 %s까지 앞으로 %s 남았습니다.", koDate(w.Expiry), koSpan(w.Today, w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("유효기한이 어제, %s로 끝났습니다.", koDate(w.Expiry))
		}
		return fmt.Sprintf("유효기한이 %s로 끝났습니다(기한으로부터 %s이 지났습니다).", koDate(w.Expiry), koSpan(w.Expiry, w.Today))
	},
	Advice: koAdvice,

	LabelExpiry: "유효기한",
	LabelWindow: "갱신할 수 있는 기간",
	LabelToday:  "오늘",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s~%s", koDate(opens), koDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("접수 기간을 유효기한 %d개월 전부터로 하여 계산하고 있습니다.", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += " 국외에 거주하시는 분은 유효기한 1년 전부터 갱신할 수 있다고 안내하는 시구정촌이 있습니다."
		}
		return note
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("%s에 날짜를 지정해 주십시오. 예: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s의 '%s'(이)라는 날은 없습니다. 예: %s 2027-03-15", flag, err.Input, flag)
		case window.YearRange:
			return fmt.Sprintf("%s의 '%s'은(는) 범위 밖입니다(%d년~%d년). 예: %s 2027-03-15", flag, err.Input, window.MinYear, window.MaxYear, flag)
		}
		return fmt.Sprintf("%s의 '%s'은(는) YYYY-MM-DD 형식이 아닙니다. 예: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("%s을(를) 지정해 주십시오. 예: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months의 '%s': 1~24의 정수로 지정해 주십시오. 예: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("--lang의 '%s'은(는) 지원하지 않습니다. 예: --lang ja 또는 --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("%s(이)라는 옵션은 없습니다", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s에는 값이 필요합니다", flag)
		}
		return fmt.Sprintf("%s에는 값이 필요합니다. 예: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("불필요한 인수가 있습니다: %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("'%s'(이)라는 명령은 없습니다", name)
	},
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("--trust-ca %s을(를) 읽을 수 없습니다(%s). 예: --trust-ca test-ca.pem(인증기관 인증서의 PEM 파일)", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim에 '%s'(이)라는 모의 카드 프로필은 없습니다. 프로필: %s. 예: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("'jpkicheck %s--help'(으)로 명령과 옵션의 목록을 표시합니다", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "힌트: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "서명용 전자증명서(署名用電子証明書, e-Tax 등 전자 신청에 사용하는 증명서)"
		}
		return "이용자 증명용 전자증명서(利用者証明用電子証明書, 로그인 등에 사용하는 증명서)"
	},
	LabelIssuer: "발행처",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "확인 중…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("지방공공단체정보시스템기구(J-LIS). 내장된 J-LIS 인증기관(%d년)으로 서명을 확인했습니다", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "모의 카드용 테스트 인증기관(J-LIS가 아닙니다)으로 서명을 확인했습니다"
			}
			return "지정된 인증기관으로 서명을 확인했습니다(" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "내장 목록에 없는 JPKI 인증기관입니다. 카드에 저장된 인증기관의 증명서로 서명을 확인했습니다"
		case jpki.TrustInvalid:
			return "서명이 발행처 인증기관의 증명서와 일치하지 않습니다. 카드가 손상되었을 우려가 있습니다. 시구정촌 창구(市区町村の窓口)에 상담해 주십시오"
		case jpki.TrustUnknownIssuer:
			return "알 수 없는 인증기관입니다. 카드에도 확인용 인증기관의 증명서가 없습니다"
		}
		return "확인하지 않았습니다(--quick)"
	},
	LabelPINs: "비밀번호 남은 횟수",
	PINName:   koPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "알 수 없음(카드가 횟수를 알려 주지 않았습니다)"
		case p.NotSet():
			return "이 카드에는 없습니다"
		case p.verified():
			return "현재 확인된 상태입니다(횟수는 표시되지 않습니다)"
		case p.Locked:
			return "잠김"
		}
		return fmt.Sprintf("%d회 남음(최대 %d회)", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := koPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return koNoSignCert +
				// advice: proxy-legal-rep
				" 15세 미만인 분의 절차는 친권자 등 법정대리인이 합니다. 지참물은 창구에 확인해 주십시오."
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("이 카드에는 %s가 설정되어 있지 않습니다. 얼굴 인증 마이넘버카드(顔認証マイナンバーカード)는 비밀번호를 설정하지 않는 카드입니다.", name)
		case p.verified():
			return fmt.Sprintf("카드에 따르면 %s는 현재 확인된 상태입니다(이 컴퓨터의 다른 프로그램이 입력했습니다). 사용이 끝나면 그 프로그램을 닫거나 카드를 꺼내 주십시오.", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("카드는 %s가 잠겨 있다고 응답하고 있습니다.", name) + koFaceAuth + "얼굴 인증 마이넘버카드가 아니라면, " + koPINReset
		case p.Locked:
			return fmt.Sprintf("%s가 잠겨 있습니다. ", name) + koPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("%s는 1회 남았습니다. 다음에 틀리면 잠깁니다. 자신이 없으면 입력하지 말고 비밀번호 재설정(초기화)을 받아 주십시오.", name)
		}
		return ""
	},
	LabelBring:           "창구에서의 절차",
	LabelInPerson:        "본인이 가는 경우",
	LabelByProxy:         "대리인이 가는 경우",
	BringInPerson:        koBringInPerson,
	BringByProxy:         koBringByProxy,
	BringByProxyNoForm:   koBringByProxyNoForm,
	BringByProxyPINReset: koBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("※ jpkicheck에 내장된 모의 카드(프로필: %s)의 결과입니다. 실제 카드가 아닙니다.", profile)
	},
	Reading: "카드를 읽고 있습니다…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "카드 리더기를 연결하고 마이넘버카드(マイナンバーカード)를 올려놓아 주십시오…"
		}
		return fmt.Sprintf("마이넘버카드(マイナンバーカード)를 카드 리더기에 올려놓아 주십시오(%s)…", strings.Join(readers, ", "))
	},
	PersonalTitle:   "서명용 전자증명서(署名用電子証明書)에 기록된 본인 정보(--show-personal을 지정했으므로 표시합니다)",
	LabelName:       "성명",
	LabelAltName:    "성명(대체 문자)",
	LabelBirthDate:  "생년월일",
	LabelSex:        "성별",
	LabelAddress:    "주소",
	LabelAltAddress: "주소(대체 문자)",
	SexName: func(code string) string {
		switch code {
		case "1":
			return "남"
		case "2":
			return "여"
		}
		return code
	},
	PINPrompt: func(pin jpki.PIN) string {
		return fmt.Sprintf("%s를 반각으로 입력해 주십시오(화면에는 표시되지 않습니다): ", koPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("올바른 %s입니다. 남은 횟수가 %d회로 돌아왔습니다.", koPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("pin에는 status 또는 verify auth|sign을 지정해 주십시오('%s'이(가) 아닙니다). 예: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "카드를 즉시 리더기에서 꺼내 주십시오. 입력된 비밀번호의 확인된 상태를 해제하지 못했습니다. 꺼낼 때까지 다른 프로그램이 카드를 사용할 우려가 있습니다.",
	ForceOnlyForVerify: "--force는 횟수를 사용하는 pin verify에서만 지정할 수 있습니다. 예: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("export에는 auth, sign, auth-ca, sign-ca 중 하나를 지정해 주십시오('%s'이(가) 아닙니다). 예: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("--format의 '%s'은(는) 지원하지 않습니다. 예: --format pem(또는 der, p7b)", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s은(는) 바이너리 형식이므로 단말기에는 출력하지 않습니다. 예: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s 파일이 이미 있습니다. --force를 붙이지 않으면 덮어쓰지 않습니다. 예: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("%s의 증명서를 %s에 저장했습니다.", what, path)
	},
	SignExportWarning: "서명용 전자증명서(署名用電子証明書)에는 성명·주소·생년월일·성별이 포함됩니다. 파일은 다른 사람에게 건네지 말고, 필요 없게 되면 삭제해 주십시오.",
	ICSCalendarName:   "마이넘버카드의 전자증명서",
	ICSOpensSummary: func(w window.Window) string {
		return "마이넘버카드(マイナンバーカード)의 전자증명서: 오늘부터 갱신할 수 있습니다"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("오늘부터 %s까지 시구정촌 창구(市区町村の窓口)에서 전자증명서를 갱신할 수 있습니다. 갱신 수수료는 무료입니다.\n\n"+
			"본인이 가는 경우: %s\n대리인이 가는 경우: %s", koDate(w.Expiry), koBringInPerson, koBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("전자증명서의 유효기한까지 앞으로 1주일(%s)", koDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("전자증명서의 유효기한은 %s입니다. 아직 갱신하지 않은 경우에는 그때까지 시구정촌 창구(市区町村の窓口)에서 절차를 밟아 주십시오. "+
			"기한이 지나면 새 전자증명서를 발급받을 때까지 편의점 교부나 e-Tax 등에서 카드를 사용할 수 없습니다.", koDate(w.Expiry))
	},
	ICSAlreadyOpen: "이미 지난 날짜의 알림도 포함되어 있습니다.",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("알림을 %s에 저장했습니다. 캘린더 앱으로 열면 가져올 수 있습니다.", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "카드 없음"
		case problem != "":
			return "종류를 확인할 수 없는 카드: " + strings.TrimSuffix(koProblem(Details{Problem: Problem(problem)}), ".")
		}
		return map[string]string{
			"my_number_card":     "마이넘버카드(マイナンバーカード)",
			"juki_card":          "주민기본대장카드(住基カード)",
			"smartphone_android": "스마트폰용 전자증명서(Android)",
			"smartphone_ios":     "스마트폰용 전자증명서(iPhone)",
		}[card] + koUnknownCard(card)
	},
	HelpReaders: `사용법:
  jpkicheck readers [옵션]

카드 리더기 목록과, 각 리더기에 카드가 들어 있는지, 그 종류
(마이넘버카드, 주민기본대장카드 등)를 표시합니다. 종류를 확인할 때는
카드의 식별 정보만 읽고 비밀번호는 사용하지 않습니다.

옵션:
  --reader 이름         이름에 이 문자가 포함된 리더기만 표시
  --wait 시간           먼저 그 시간까지 카드를 기다림(기본값은 바로 목록을 표시)
  --json                스크립트용으로 JSON을 하나 출력
  --lang LANG           표시할 언어(생략 시 LC_ALL・LC_MESSAGES・LANG에서)
` + koCardFlags + `
예:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: koProblem,
	ProblemHint:    koHint,

	HelpMain: `jpkicheck는 마이넘버카드(マイナンバーカード) 전자증명서의 유효기한과,
갱신할 수 있는 기간에 들어와 있는지, 창구에 가져갈 것을 알려 드립니다.

사용법:
  jpkicheck [명령] [옵션]

명령:
  check      카드를 읽고 결과를 표시(기본 명령. 비밀번호 불필요)
  pin        비밀번호 남은 횟수를 표시(횟수는 줄지 않음). pin verify auth|sign으로 확인
  export     증명서를 파일로 저장(pem, der, p7b)
  ics        갱신 날짜를 알려 주는 캘린더 파일
  readers    카드 리더기와 들어 있는 카드의 목록
  kiosk      시청 로비용 전체 화면 페이지
  ui         같은 페이지를 집의 브라우저에서 표시
  window     유효기한 날짜로부터 갱신할 수 있는 기간을 계산(카드 불필요)
  demo       내장된 모의 카드로 확인 과정을 모두 실행
  version    버전을 표시(-v로 모듈의 버전도)

예:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

종료 코드:
  0  문제 없음(아직 갱신 기간 전)      4  유효기한 만료
  1  기타 오류                          5  PC/SC 서비스・리더기・카드를 찾을 수 없음
  2  사용법 또는 입력 오류              6  마이넘버카드가 아님
  3  갱신할 수 있는 기간 중             7  비밀번호가 잠겼거나 거부됨

언어: --lang ja|en|ja-easy|zh|ko|pt|vi. 지정하지 않으면 LC_ALL・LC_MESSAGES・LANG으로 정합니다(ja_*이면 일본어).
각 명령의 옵션은 'jpkicheck 명령 --help'로 표시합니다.
`,
	HelpCheck: `사용법:
  jpkicheck [check] [옵션]

카드 리더기의 마이넘버카드를 읽고(비밀번호 불필요), 이용자 증명용
전자증명서의 유효기한, 갱신할 수 있는 기간인지, 2개 비밀번호의
남은 횟수를 알려 드립니다. 카드의 내용은 바뀌지 않으며,
비밀번호의 횟수도 줄지 않습니다.

옵션:
` + koCheckFlags + koReaderFlags + `  --json                스크립트용으로 JSON을 하나 출력
  --lang LANG           표시할 언어(생략 시 LC_ALL・LC_MESSAGES・LANG에서)
` + koCardFlags + `
예:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

서명용 전자증명서는 이사나 결혼 등으로 성명・주소・생년월일・성별이 바뀌면
자동으로 효력을 잃습니다(이용자 증명용 전자증명서는 그대로 사용할 수 있습니다).
jpkicheck는 카드의 내용만 읽으므로 효력을 잃었는지는 알 수 없습니다.

종료 코드: 0 아직 기간 전, 3 갱신할 수 있는 기간 중, 4 기한 만료, 7 비밀번호 잠김,
5 서비스・리더기・카드 없음, 6 마이넘버카드가 아님, 2 입력 오류, 1 기타.
`,
	HelpDemo: `사용법:
  jpkicheck demo [옵션]

jpkicheck에 내장된 모의 카드로 확인 과정을 모두 실행합니다.
카드 리더기가 없어도 주민에게 표시되는 내용을 확인할 수 있습니다.
기본 모의 카드는 갱신할 수 있는 기간 중입니다. --sim으로 다른 프로필을 고를 수 있습니다
(목록은 마지막에 표시합니다). check와 같은 옵션을 쓸 수 있습니다(리더기 지정은 필요 없습니다).

옵션:
` + koCheckFlags + `  --json                스크립트용으로 JSON을 하나 출력
  --lang LANG           표시할 언어(생략 시 LC_ALL・LC_MESSAGES・LANG에서)
` + koCardFlags + `
예:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "이것은 모의 카드였습니다. 다른 카드도 시험할 수 있습니다: jpkicheck check --sim 프로필(다음 중 하나)\n  " + profiles
	},
	HelpPIN: `사용법:
  jpkicheck pin [status] [옵션]
  jpkicheck pin verify auth|sign [--force] [옵션]

pin status는 2개 비밀번호의 남은 횟수를 표시합니다. 횟수는 줄지 않습니다
(빈 VERIFY로 남은 횟수만 카드에 묻습니다).

pin verify는 창구에 가기 전에 비밀번호를 기억하고 있는지 확인합니다.
먼저 남은 횟수를 표시한 뒤 비밀번호를 묻습니다(반각으로 입력합니다. 단말기에서는
표시되지 않습니다. 단말기가 아니면 표준 입력의 첫 1행을 읽습니다). 보내는 것은
1회뿐이며 자동으로 다시 시도하지 않습니다. 1회 남았을 때는 틀리면
잠기고 재설정(초기화)을 받을 때까지 사용할 수 없게 되므로, --force를 붙이지
않으면 보내지 않습니다.

  auth   이용자 증명용 전자증명서의 비밀번호(숫자 4자리, 3회까지)
  sign   서명용 전자증명서의 비밀번호(서명용 비밀번호. 영문자와 숫자 6~16자리, 5회까지)

옵션:
  --force               pin verify: 1회 남았어도 비밀번호를 보냄
` + koReaderFlags + `  --json                스크립트용으로 JSON을 하나 출력
  --lang LANG           표시할 언어(생략 시 LC_ALL・LC_MESSAGES・LANG에서)
` + koCardFlags + `
예:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

종료 코드: 0 문제 없음・올바른 비밀번호, 7 잠김・틀림・보내지 않음,
5 카드 없음, 6 마이넘버카드가 아님, 2 입력 오류.
`,
	HelpExport: `사용법:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o 파일] [--force] [옵션]

카드의 증명서를 파일로 저장합니다.
  auth      이용자 증명용 전자증명서(비밀번호 불필요)
  sign      서명용 전자증명서. 서명용 비밀번호를 묻습니다. 성명・주소・생년월일・
            성별이 포함되므로 다른 사람에게 건네지 마십시오.
  auth-ca   카드에 저장된 이용자 증명용 인증기관의 증명서
  sign-ca   카드에 저장된 서명용 인증기관의 증명서

형식: pem(텍스트. 기본값. 증명서 다음에 인증기관), der(증명서 1개의 바이너리),
p7b(증명서와 인증기관을 묶은 PKCS#7. Windows나 macOS의 인증서 뷰어로
열 수 있습니다). 바이너리 형식은 단말기에는 출력하지 않습니다.

옵션:
  --format pem|der|p7b  파일 형식(기본값 pem)
  -o, --output 파일     표준 출력 대신 이 파일에 씀
  --force               파일이 있어도 덮어씀(export의 --force로 마지막
                        1회의 비밀번호를 쓰는 일은 없습니다. 그러려면
                        'jpkicheck pin verify sign --force'를 사용합니다)
` + koReaderFlags + `  --json                문제를 스크립트용으로 JSON으로 출력
  --lang LANG           표시할 언어(생략 시 LC_ALL・LC_MESSAGES・LANG에서)
` + koCardFlags + `
예:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `사용법:
  jpkicheck ics [-o 파일] [--force] [옵션]

카드를 읽고(비밀번호 불필요), 이용자 증명용 전자증명서의 알림을
캘린더 파일(iCalendar, .ics)로 저장합니다. 갱신 접수가 시작되는 날과
유효기한 1주일 전의 2개 종일 일정으로, 각각 9시에 알립니다.
Google 캘린더, Outlook, Apple 캘린더, Thunderbird로 가져올 수 있습니다.
같은 증명서의 파일을 다시 가져오면 일정이 늘지 않고 갱신됩니다.

옵션:
  -o, --output 파일     표준 출력 대신 이 파일에 씀
  --force               파일이 있어도 덮어씀
` + koReaderFlags + `  --json                문제를 스크립트용으로 JSON으로 출력
  --lang LANG           일정과 메시지의 언어
` + koCardFlags + `
예:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `사용법:
  jpkicheck window --expiry YYYY-MM-DD [--today YYYY-MM-DD] [--months N] [--json] [--lang LANG]

카드를 사용하지 않고, 지정한 유효기한으로부터 갱신할 수 있는 기간을 계산합니다.
갱신 절차는 유효기한 3개월 전 날의 다음 날부터 유효기한 당일까지 할 수 있습니다.
3개월 전의 달에 같은 날이 없으면 그 달의 말일을 사용합니다(5월 31일 → 3월 1일부터).
전자증명서의 유효기한은 발급일 이후 5번째 생일입니다. 갱신할 수 있는 기간에
갱신한 경우에는 6번째 생일이 됩니다. 다만 카드의 유효기한을 넘지는
않습니다.

옵션:
  --expiry YYYY-MM-DD   전자증명서의 유효기한(필수)
  --today YYYY-MM-DD    이 날을 '오늘'로 하여 계산(생략 시 일본 시간의 오늘)
  --months N            접수 기간의 개월 수(기본값 3)
  --json                문장 대신 JSON을 하나 출력
  --lang LANG           표시할 언어

예:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

종료 코드: 0 아직 기간 전, 3 갱신할 수 있는 기간 중, 4 기한 만료, 2 입력 오류.
`,
	HelpVersion: `사용법:
  jpkicheck version [-v]

jpkicheck의 버전, 빌드에 사용한 Go의 버전, 실행 중인
시스템을 표시합니다.

옵션:
  -v                    빌드에 사용한 모듈과 빌드 설정도 표시

예:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("'jpkicheck %s'을(를) 말씀하신 것입니까?", command)
	},
	LabelOfficeDays: "창구 접수일",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s~%s(개청일)", koDate(first), koDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("유효기한인 %s은 창구가 쉬는 날입니다. 창구에서 절차를 밟을 수 있는 마지막 날은 %s입니다.", koDate(w.Expiry), koDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "카드 본체의 유효기한은 카드 앞면에 인쇄되어 있습니다. 전자증명서의 유효기한과 같은 날이거나 가까운 날이면, 전자증명서의 갱신이 아니라 카드의 갱신이 필요합니다(jpkicheck check --card-expiry 날짜로 확인할 수 있습니다).",
	LabelCardExpiry: "카드의 유효기한",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("카드 본체의 유효기한이 %s로 끝났습니다. 전자증명서는 카드의 유효기한이 지나서는 사용할 수 없습니다. 새 카드에 대해서는 시구정촌 창구(市区町村の窓口)에 문의해 주십시오.", koDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("카드 본체의 유효기한은 %s로, 전자증명서보다 뒤입니다. 전자증명서의 갱신만으로 충분합니다. 카드의 갱신은 %s부터 신청할 수 있습니다.", koDate(r.Expiry), koDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("전자증명서의 유효기한이 카드의 유효기한(%s)과 같거나 가깝기 때문에, 전자증명서의 갱신이 아니라 카드의 갱신(새 카드 신청)이 필요합니다. %s까지 신청할 수 있습니다. 새 카드를 받을 때까지 약 1개월이 걸립니다. 신청에는 유효기한 통지서에 동봉된 교부 신청서를 사용할 수 있습니다. 수수료는 무료입니다.", koDate(r.Expiry), koDate(r.Expiry))
		}
		return fmt.Sprintf("전자증명서의 유효기한이 카드의 유효기한(%s)과 같거나 가깝기 때문에, 전자증명서의 갱신이 아니라 카드의 갱신(새 카드 신청)이 필요합니다. 카드의 갱신은 유효기한 3개월 전 날의 다음 날인 %s부터 신청할 수 있으며, 새 카드를 받을 때까지 약 1개월이 걸립니다. 신청에는 유효기한 통지서에 동봉된 교부 신청서를 사용할 수 있습니다. 수수료는 무료입니다.", koDate(r.Expiry), koDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("전자증명서의 발급일이 %s로, 이 컴퓨터의 오늘(%s)보다 뒤입니다. 컴퓨터의 날짜가 올바르지 않으므로 갱신에 관한 답변은 표시하지 않습니다.", koDate(notBefore), koDate(today))
	},
	ClockWrongHint: "컴퓨터의 날짜와 시각을 올바르게 설정한(또는 --today를 고친) 뒤 다시 실행해 주십시오",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("전자증명서의 유효기한이 %s로 끝났기 때문에 알림 날짜는 모두 지났습니다. 캘린더 파일은 만들지 않았습니다. 시구정촌 창구(市区町村の窓口)에서 무료로 새 전자증명서를 발급받을 수 있습니다.", koDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("알림 날짜가 모두 지났기 때문에 캘린더 파일은 만들지 않았습니다. 현재 갱신 접수 기간 중입니다. 창구에서 절차를 밟을 수 있는 마지막 날은 %s입니다.", koDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `기타 옵션:
  --office 파일         창구 파일의 임시 개청일・휴무일도 계산에 넣음
                        (jpkicheck kiosk --help 참조)
  --card-expiry 날짜    카드 앞면에 인쇄된 카드 본체의 유효기한. 카드의
                        갱신이 필요한지 알려 드립니다

--expiry와 --card-expiry는 2027/3/15, 2027年3月15日, 令和9年3月15日 형식으로도 쓸 수 있습니다(숫자는 전각이어도 됩니다).
`
		case "check", "demo":
			return `기타 옵션:
  --card-expiry 날짜    카드 앞면에 인쇄된 카드 본체의 유효기한. 카드의
                        갱신이 필요한지 알려 드립니다(2027-03-15,
                        2027/3/15, 令和9年3月15日 형식으로 쓸 수 있습니다)
`
		case "":
			return "버전: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("모의 카드의 이용자 증명용 전자증명서 비밀번호(숫자 4자리)는 %s, 서명용 전자증명서 비밀번호(영문자와 숫자)는 %s입니다. 시험하려면: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("--sim %s을(를) 말씀하신 것입니까?", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait의 '%s'은(는) 시간의 길이로 읽을 수 없습니다. 반각으로 써 주십시오. 예: --wait 30s(2분이면 2m, 기다리지 않으려면 0)", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("%s에 쓸 수 없습니다. 폴더가 없습니다. 먼저 폴더를 만들거나, 지금 있는 폴더의 파일 이름을 지정해 주십시오. 예: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("%s에 쓸 수 없습니다. 그 폴더에 쓸 권한이 있는지 확인해 주십시오. 예: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "파일이 없습니다"
		case "not_pem":
			return "PEM 형식(-----BEGIN CERTIFICATE-----)의 인증기관 증명서가 들어 있지 않습니다"
		}
		return "파일을 읽을 수 없습니다"
	},
	ErrorHint: "반복해서 발생하는 경우에는 같은 명령에 --trace를 붙여 실행하고, 표시된 내용을 알려 주십시오(비밀번호, 일련번호, 개인 정보는 가려집니다)",
}

func koProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "스마트카드 서비스(PC/SC)가 작동하지 않습니다."
	case NoReader:
		return "카드 리더기를 찾을 수 없습니다."
	case NoCard:
		return "카드 리더기에 카드가 없습니다."
	case UnknownReader:
		return fmt.Sprintf("'%s'에 해당하는 카드 리더기가 없습니다. 연결된 리더기: %s.", d.Reader, strings.Join(d.Readers, ", "))
	case CardRemoved:
		return "읽는 도중에 카드가 빠졌습니다."
	case CardInUse:
		return "다른 프로그램이 카드를 사용 중입니다."
	case CardMute:
		return "리더기의 카드가 응답하지 않습니다."
	case CardTimeout:
		return "카드의 응답이 멈췄습니다."
	case NotJPKI:
		return "이 카드는 마이넘버카드(マイナンバーカード)가 아닌 것 같습니다(전자증명서 기능을 찾을 수 없습니다)."
	case JukiCard:
		return "이것은 주민기본대장카드(住基カード)입니다. 마이넘버카드(マイナンバーカード)가 아닙니다."
	case Smartphone:
		return "이것은 스마트폰용 전자증명서입니다. 마이넘버카드(マイナンバーカード)가 아닙니다."
	case UnknownToken:
		return fmt.Sprintf("이 카드에는 jpkicheck가 알지 못하는 종류의 전자증명서 기능이 있습니다(%q).", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "이 마이넘버카드에는 서명용 전자증명서(署名用電子証明書)가 들어 있지 않습니다."
		}
		return "이 마이넘버카드에는 이용자 증명용 전자증명서(利用者証明用電子証明書)가 들어 있지 않습니다."
	case Malformed:
		return "카드의 전자증명서를 제대로 읽지 못했습니다."
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("카드는 %s가 잠겨 있다고 응답하고 있습니다. 얼굴 인증 마이넘버카드(顔認証マイナンバーカード, 비밀번호를 설정하지 않는 카드)라면 이렇게 표시됩니다.", koPINName(d.PIN))
		}
		return fmt.Sprintf("%s가 잠겨 있습니다.", koPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("%s가 틀렸습니다. %d회 남았습니다.", koPINName(d.PIN), d.TriesLeft)
	case PINLastTry:
		return fmt.Sprintf("%s는 1회 남았기 때문에 카드에 보내지 않았습니다.", koPINName(d.PIN))
	case PINDeclined:
		return "카드에는 아무것도 보내지 않았습니다."
	case PINMissing:
		return "표준 입력에 비밀번호가 없었습니다. 카드에는 아무것도 보내지 않았습니다."
	case Cancelled:
		return "중지했습니다."
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "서명용 비밀번호에는 반각 영문자(A~Z)와 숫자가 각각 1자 이상 들어갑니다. 카드에는 아무것도 보내지 않았습니다."
			}
			return "서명용 비밀번호는 반각 영문자(A~Z)와 숫자를 조합한 6~16자입니다. 카드에는 아무것도 보내지 않았습니다."
		}
		return "이용자 증명용 비밀번호는 반각 숫자 4자리입니다. 카드에는 아무것도 보내지 않았습니다."
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return koNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("이 카드에는 %s가 설정되어 있지 않습니다. 얼굴 인증 마이넘버카드(顔認証マイナンバーカード)는 비밀번호를 설정하지 않는 카드입니다.", koPINName(d.PIN))
	case PINBusy:
		return "카드에 따르면 비밀번호가 다른 프로그램에 의해 확인된 상태이므로 남은 횟수를 알 수 없습니다. 카드에는 아무것도 보내지 않았습니다."
	case CardLink:
		return "카드와의 통신에 실패했습니다."
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "문제가 발생했습니다."
}

func koHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "준비가 되면 다시 실행해 주십시오"
	case NoService:
		switch goos {
		case "windows":
			return "'Smart Card' 서비스를 시작하거나(services.msc), 리더기를 다시 꽂아 주십시오"
		case "darwin":
			return "리더기를 다시 꽂아 주십시오. macOS에서는 서비스가 자동으로 작동합니다"
		}
		return "시작해 주십시오: sudo systemctl start pcscd.socket(Debian/Ubuntu에서는 sudo apt install pcscd)"
	case NoReader:
		return "USB 카드 리더기(접촉식, 또는 PaSoRi 등의 NFC 리더기)를 연결해 주십시오. NFC 리더기는 드라이버가 필요한 경우가 있습니다"
	case NoCard:
		return "카드를 꽂거나(IC 칩 쪽부터, 앞면을 위로), NFC 리더기 위에 평평하게 올려놓은 뒤 다시 실행해 주십시오. --wait 60s로 더 오래 기다립니다"
	case UnknownReader:
		return "'jpkicheck readers'로 이름을 확인하고, 그 일부를 --reader에 지정해 주십시오"
	case CardRemoved:
		return "카드를 다시 넣고 다시 실행해 주십시오. NFC 리더기에서는 결과가 나올 때까지 카드를 움직이지 마십시오"
	case CardInUse:
		return "카드를 사용하는 다른 프로그램(공적 개인 인증 서비스 이용자 클라이언트 소프트웨어(利用者クライアントソフト), e-Tax, 브라우저 로그인 등)을 닫은 뒤 다시 실행해 주십시오"
	case CardMute:
		return "카드를 빼고, IC 칩 쪽부터 앞면을 위로 하여 다시 꽂아 주십시오. 칩의 얼룩을 가볍게 닦으면 해결되는 경우가 있습니다"
	case CardTimeout:
		return "카드를 빼서 다시 꽂고 다시 실행해 주십시오. 계속되면 다른 리더기를 시험해 주십시오"
	case NotJPKI:
		return "마이넘버카드(マイナンバーカード)를 넣어 주십시오. 은행이나 교통 IC 카드에는 전자증명서가 없습니다"
	case JukiCard:
		// advice: juki-card
		return "주민기본대장카드의 전자증명서는 새로 발급되지 않습니다. 전자증명서가 필요한 경우에는 마이넘버카드(マイナンバーカード)를 신청해 주십시오"
	case Smartphone:
		// advice: smartphone-not-card
		return "스마트폰용 전자증명서의 유효기한은 마이나포털(マイナポータル) 앱에서 확인할 수 있습니다. jpkicheck는 카드 자체를 읽습니다"
	case UnknownToken, Malformed:
		return "카드를 다시 꽂고 다시 실행해 주십시오. 계속되면 시구정촌 창구(市区町村の窓口)에 상담해 주십시오"
	case NoCertificate:
		// advice: sign-revoked-change
		return "발급되지 않았거나 효력을 잃었습니다. 필요한 경우에는 시구정촌 창구(市区町村の窓口)에서 새로 발급받아 주십시오"
	case PINLocked:
		hint := strings.TrimSuffix(koPINReset, ".")
		if d.MaybeNoPIN {
			return "얼굴 인증 마이넘버카드가 아니라면, " + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "jpkicheck는 자동으로 다시 시도하지 않습니다. 자신이 없으면 시도하지 말고 비밀번호 재설정(초기화)을 받아 주십시오"
	case PINLastTry:
		// advice: pin-reset-office
		return "확실하다면 --force를 붙여 다시 실행해 주십시오. 그렇지 않으면 비밀번호 재설정(초기화)을 받아 주십시오"
	case PINMissing:
		return "표준 입력에 1행으로 넘겨 주십시오: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINFormat:
		return "반각으로 입력해 주십시오(소문자나 전각 영숫자는 반각 대문자로 고쳐서 보냅니다). 횟수는 줄지 않았습니다"
	case PINNotSet:
		return "카드에는 아무것도 보내지 않았으므로 횟수는 줄지 않았습니다"
	case PINBusy:
		return "카드를 사용하는 다른 프로그램을 닫고, 카드를 꺼냈다가 다시 넣은 뒤 다시 시도해 주십시오"
	case CardLink:
		return "카드를 리더기에 다시 올려놓고, 결과가 표시될 때까지 움직이지 말고 둔 채로 다시 실행해 주십시오"
	case PINDeclined:
		return "요청을 받으면 비밀번호를 입력해 주십시오. 스크립트에서는 표준 입력으로 넘길 수 있습니다(printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth)"
	}
	return "--trace를 붙여 실행하면 각 단계를 표시합니다. 계속되면 문제를 보고해 주십시오"
}

// koPINName names a PIN with its form, as the Japanese catalogue does; the
// card has two more 4-digit PINs, so "the 4-digit PIN" alone would not say
// which.
func koPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "서명용 비밀번호(영문자와 숫자 6~16자리)"
	}
	return "이용자 증명용 비밀번호(숫자 4자리)"
}

// advice: child-no-sign
const koNoSignCert = "이 카드에는 서명용 전자증명서(署名用電子証明書)가 들어 있지 않으므로 서명용 전자증명서의 비밀번호도 없습니다. " +
	"15세 미만인 분의 카드나 얼굴 인증 마이넘버카드(顔認証マイナンバーカード)에는 들어 있지 않습니다."

// koFaceAuth is said where a card may be a face-authentication card.
const koFaceAuth = " " +
	// advice: faceauth-what
	"얼굴 인증 마이넘버카드(顔認証マイナンバーカード, 비밀번호를 설정하지 않는 카드)라면 이렇게 표시됩니다. " +
	// advice: faceauth-cannot
	"얼굴 인증 마이넘버카드로는 편의점 교부, 마이나포털(マイナポータル), e-Tax 등 비밀번호 입력이 필요한 서비스를 이용할 수 없습니다. " +
	// advice: faceauth-switch-back
	"시구정촌 창구(市区町村の窓口)에서 비밀번호를 설정한 일반 카드로 되돌릴 수도 있습니다. "

// koPINReset is where a locked PIN is reset.
const koPINReset = "" +
	// advice: pin-reset-office
	"시구정촌 창구(市区町村の窓口)에서 재설정(초기화)을 받을 수 있습니다. 마이넘버카드(マイナンバーカード)와 본인 확인 서류를 지참해 주십시오. " +
	// advice: pin-reset-convenience
	"다른 한쪽의 비밀번호를 알고 있고 전자증명서가 유효기한 내이며 효력을 잃지 않은 경우에는, 스마트폰 앱 'JPKI 비밀번호 리셋(JPKI暗証番号リセット)'으로 예약한 뒤 " +
	"24시간 이내에 편의점 등의 키오스크 단말기(멀티 복사기)에서도 재설정할 수 있습니다(카드의 IC 칩을 읽을 수 있는 스마트폰이 필요합니다)."

const koBringInPerson = "" +
	// advice: bring-in-person
	"마이넘버카드(マイナンバーカード)를 지참해 주십시오. 창구에서 이용자 증명용 전자증명서(利用者証明用電子証明書)의 비밀번호(숫자 4자리)와 서명용 전자증명서(署名用電子証明書)의 비밀번호(영문자와 숫자 6~16자리)를 입력합니다. " +
	"창구에 따라서는 주민기본대장용 비밀번호(숫자 4자리)도 입력합니다. " +
	// advice: bring-pin-unknown
	"비밀번호를 모르거나 잠긴 경우에는 창구에서 먼저 비밀번호 재설정(초기화)을 한 뒤 갱신합니다. 본인 확인 서류(운전면허증 등)도 지참해 주십시오."

const koBringByProxy = "" +
	// advice: proxy-before-expiry
	"본인의 마이넘버카드(マイナンバーカード), 유효기한 통지서에 동봉된 '조회서 겸 회답서(照会書兼回答書)'(본인이 기입하고 비밀번호를 적어 봉투에 넣어 봉한 것), " +
	"대리인의 얼굴 사진이 있는 본인 확인 서류(마이넘버카드, 운전면허증, 여권 등)를 지참해 주십시오. " +
	// advice: proxy-form-valid-until-expiry
	"조회서 겸 회답서(照会書兼回答書)는 전자증명서의 유효기한 당일까지 사용할 수 있습니다."

// advice: proxy-no-form
const koBringByProxyNoForm = "조회서 겸 회답서(照会書兼回答書)가 없는 경우(유효기한이 지난 경우 등)에는, 대리인의 신청을 접수한 뒤 시구정촌에서 본인 앞으로 조회서가 우송됩니다. " +
	"본인이 기입한 것을 대리인이 다시 지참하므로 창구에 2번 가게 됩니다."

// advice: proxy-pin-reset
const koBringByProxyPINReset = "비밀번호 재설정(초기화)을 대리인이 하는 경우에는 그날 끝나지 않습니다. " +
	"신청 후 본인 앞으로 조회서 겸 회답서(照会書兼回答書)가 우송되고, 본인이 기입한 것을 대리인이 다시 한번 지참합니다."

// koAdvice is what the situation means and what to do, a paragraph each.
func koAdvice(s Situation) []string {
	var out []string
	office := "시구정촌 창구(市区町村の窓口)에서 "
	if !s.usualWindow() {
		office = "" // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("지금은 절차를 밟을 필요가 없습니다. 오늘, %s에 절차를 밟으면 갱신이 아니라 새 발급으로 취급되어 유효기한이 %s이 됩니다. "+
				"%s 이후에 갱신한 경우의 %s보다 %s 짧아집니다.", koDate(s.Today), koDate(early), koDate(s.Opens), koDate(renewed), koYearsMonths(lost)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("지금은 절차를 밟을 필요가 없습니다. 갱신할 수 있는 기간 전에 절차를 밟으면 새 발급으로 취급되어 유효기한이 짧아집니다. "+
				"%s 이후에 절차를 밟으실 것을 권합니다.", koDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "전자증명서의 유효기한은 발급일 이후 5번째 생일입니다. 갱신할 수 있는 기간(유효기한까지 3개월 미만)에 갱신한 경우에는 "+
				"6번째 생일이 됩니다. 다만 카드의 유효기한을 넘지는 않습니다.")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := office + "갱신 절차를 밟아 주십시오. 전자증명서의 갱신 수수료는 무료입니다."
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf(" 갱신할 수 있는 기간 중에 갱신하면 새 전자증명서의 유효기한은 %s이 됩니다. "+
					"기간 중이라면 일찍 절차를 밟아도 유효기한이 짧아지지 않습니다.", koDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += " 새 전자증명서의 유효기한은 창구에서 확인해 주십시오."
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "새 전자증명서를 발급받을 때까지 마이나포털(マイナポータル) 로그인, 편의점 교부, e-Tax 등 온라인 절차에서 카드를 사용할 수 없습니다."
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" 건강보험증으로서의 이용(마이나 보험증(マイナ保険証))은 유효기한이 지난 달의 말일부터 3개월 후의 월말인 %s까지 계속할 수 있습니다. "+
					"이 기간 동안 의료기관에서는 보험 자격을 확인할 수 있지만, 진료 정보나 약제 정보는 제공되지 않습니다.", koDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" 건강보험증으로서의 이용(마이나 보험증(マイナ保険証))도 유효기한이 지난 달의 말일부터 3개월 후의 월말인 %s로 끝났습니다.", koDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "유효기한이 지났기 때문에 e-Tax 등의 전자 신청에서 전자서명을 할 수 없습니다. "+
				"편의점 교부나 건강보험증으로서의 이용에는 서명용 전자증명서(署名用電子証明書)를 사용하지 않습니다.")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "유효기한이 지난 뒤에도 "+office+"무료로 새 전자증명서를 발급받을 수 있습니다. "+
			"새 전자증명서는 발급 절차로부터 약 24시간 후에 사용할 수 있게 됩니다.")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "이사나 결혼 등으로 성명・주소・생년월일・성별이 바뀌면 서명용 전자증명서(署名用電子証明書)는 자동으로 효력을 잃습니다(이용자 증명용 전자증명서는 그대로 사용할 수 있습니다). " +
			"효력을 잃은 서명용 전자증명서는 카드에 남아 있어도 사용할 수 없습니다."
		if office != "" {
			p += " 필요한 경우에는 시구정촌 창구(市区町村の窓口)에서 새로 발급받아 주십시오."
		}
		p += fmt.Sprintf(" jpkicheck는 카드의 내용만 읽으므로 서명용 전자증명서가 효력을 잃었는지는 알 수 없습니다. "+
			"%s까지라는 유효기한은 효력을 잃지 않은 경우의 기한입니다.", koDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "재류 기간이 정해져 있는 외국인 주민은 유효기한이 재류 기간 만료일까지이므로 이 계산은 해당되지 않습니다. "+
			"재류 기간이 갱신되어도 유효기한은 자동으로 연장되지 않으므로, 새 재류카드를 받으면 "+
			"카드의 유효기한이 지나기 전에 시구정촌 창구(市区町村の窓口)에서 유효기간 변경 절차를 밟아 주십시오.")
	}
	return out
}

func koUnknownCard(card string) string {
	if card == "unknown" {
		return "종류를 알 수 없는 공적 개인 인증 카드"
	}
	return ""
}

// koCheckFlags are check's own flags, which demo takes too.
const koCheckFlags = `  --quick               유효기한만 읽고 발행처 확인을 생략
  --sign                서명용 전자증명서도 읽음(서명용 비밀번호를 묻습니다)
  --force               --sign일 때: 1회 남았어도 비밀번호를 보냄
  --show-personal       --sign일 때: 증명서에 있는 성명・주소・생년월일・성별도 표시
`

// koReaderFlags choose the reader and how long to wait for a card.
const koReaderFlags = `  --reader 이름         이름에 이 문자가 포함된 리더기를 사용(생략 시: 카드가 든
                        첫 번째 리더기. 없으면 카드를 기다림)
  --wait 시간           카드를 기다리는 시간(기본값 30s. 0은 기다리지 않음)
`

// koCardFlags are the rest of the card flags every command that reads a
// card takes.
const koCardFlags = `  --sim [프로필]        리더기 대신 내장된 모의 카드를 사용
  --trace               카드에 보내는 명령을 모두 표시(비밀번호는 가림)
  --trust-ca 파일       이 인증기관의 증명서(PEM)도 인정
  --today YYYY-MM-DD    이 날을 '오늘'로 하여 계산(생략 시 일본 시간의 오늘)
  --months N            접수 기간의 개월 수(기본값 3)
`
