package report

import (
	"fmt"
	"strings"

	"github.com/jpkicheck/jpkicheck/internal/jpki"
	"github.com/jpkicheck/jpkicheck/internal/window"
)

// The Portuguese catalogue is Brazilian Portuguese as Japan's Brazilian
// community reads it on municipal pages. The official Japanese terms follow
// their translation in parentheses, so that a resident can show the screen
// at the counter. It is to be reviewed by the office before use
// (docs/languages.md).

var ptMonths = [...]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho",
	"julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}

var ptWeekdays = [...]string{"domingo", "segunda-feira", "terça-feira", "quarta-feira",
	"quinta-feira", "sexta-feira", "sábado"}

// ptDay writes the day of the month as Brazil does: 1º for the first.
func ptDay(d window.Date) string {
	if d.Day == 1 {
		return "1º"
	}
	return fmt.Sprint(d.Day)
}

// ptDate is the long date with the weekday: 10 de janeiro de 2027 (domingo).
func ptDate(d window.Date) string {
	return fmt.Sprintf("%s (%s)", ptPlainDate(d), ptWeekdays[d.Weekday()])
}

// ptPlainDate is the long date alone: 10 de janeiro de 2027.
func ptPlainDate(d window.Date) string {
	if d.Month < 1 || d.Month > 12 {
		return d.String() // not a calendar date; never index past the names
	}
	return fmt.Sprintf("%s de %s de %d", ptDay(d), ptMonths[d.Month-1], d.Year)
}

// ptDateEra is for a date of birth: 1º de maio de 1990 (Heisei 2).
func ptDateEra(d window.Date) string {
	e, y, ok := d.Era()
	if !ok {
		return ptPlainDate(d)
	}
	return fmt.Sprintf("%s (%s %d)", ptPlainDate(d), e.Roman, y)
}

func ptDays(n int) string {
	if n == 1 {
		return "1 dia"
	}
	return fmt.Sprintf("%d dias", n)
}

// ptSpan says a duration in days while it is short and in years and months
// once it is long.
func ptSpan(from, to window.Date) string {
	sp := window.SpanBetween(from, to)
	if sp.WholeMonths() < 3 {
		return ptDays(to.DaysSince(from))
	}
	return ptYearsMonths(sp)
}

// ptYearsMonths renders whole years and months: 1 ano, 2 anos e 9 meses.
func ptYearsMonths(sp window.Span) string {
	years := fmt.Sprintf("%d anos", sp.Years)
	if sp.Years == 1 {
		years = "1 ano"
	}
	months := fmt.Sprintf("%d meses", sp.Months)
	if sp.Months == 1 {
		months = "1 mês"
	}
	switch {
	case sp.Years == 0:
		return months
	case sp.Months == 0:
		return years
	}
	return years + " e " + months
}

func ptTries(n int) string {
	if n == 1 {
		return "1 tentativa"
	}
	return fmt.Sprintf("%d tentativas", n)
}

var pt = Catalog{
	Lang:    Pt,
	Date:    ptDate,
	DateEra: ptDateEra,
	Kiosk:   ptKiosk,

	StateNotYetOpen: func(w window.Window) string {
		if w.DaysUntilOpen == 1 {
			return fmt.Sprintf("Ainda não é o período de renovação. A renovação começa amanhã, %s.", ptDate(w.Opens))
		}
		return fmt.Sprintf("Ainda não é o período de renovação. A renovação começa em %s, daqui a %s.", ptDate(w.Opens), ptSpan(w.Today, w.Opens))
	},
	StateOpen: func(w window.Window) string {
		if w.DaysLeft == 0 {
			return fmt.Sprintf("Já é possível renovar. Hoje, %s, é o dia do vencimento e o último dia para renovar.", ptDate(w.Expiry))
		}
		return fmt.Sprintf("Já é possível renovar. Faltam %s até o vencimento, em %s.", ptSpan(w.Today, w.Expiry), ptDate(w.Expiry))
	},
	StateExpired: func(w window.Window) string {
		if w.DaysSinceExpiry == 1 {
			return fmt.Sprintf("O prazo de validade venceu ontem, %s.", ptDate(w.Expiry))
		}
		return fmt.Sprintf("O prazo de validade venceu em %s, há %s.", ptDate(w.Expiry), ptSpan(w.Expiry, w.Today))
	},
	Advice: ptAdvice,

	LabelExpiry: "Validade",
	LabelWindow: "Período de renovação",
	LabelToday:  "Hoje",
	WindowRange: func(opens, closes window.Date) string {
		return fmt.Sprintf("%s a %s", ptDate(opens), ptDate(closes))
	},
	MonthsNote: func(months int) string {
		note := fmt.Sprintf("Calculado com o período de renovação começando %d meses antes do vencimento.", months)
		if months == 12 {
			// advice: abroad-window-one-year
			note += " Alguns municípios informam que quem mora no exterior pode renovar a partir de 1 ano antes do vencimento."
		}
		return note
	},

	BadDate: func(flag string, err *window.ParseError) string {
		switch err.Kind {
		case window.Empty:
			return fmt.Sprintf("%s precisa de uma data. Exemplo: %s 2027-03-15", flag, flag)
		case window.NoSuchDay:
			return fmt.Sprintf("%s: o dia %q não existe no calendário. Exemplo: %s 2027-03-15", flag, err.Input, flag)
		case window.YearRange:
			return fmt.Sprintf("%s: %q está fora do intervalo (anos %d a %d). Exemplo: %s 2027-03-15", flag, err.Input, window.MinYear, window.MaxYear, flag)
		}
		return fmt.Sprintf("%s: %q não está no formato AAAA-MM-DD. Exemplo: %s 2027-03-15", flag, err.Input, flag)
	},
	MissingFlag: func(flag, example string) string {
		return fmt.Sprintf("informe %s. Exemplo: %s", flag, example)
	},
	BadMonths: func(value string) string {
		return fmt.Sprintf("--months %q deve ser um número inteiro de 1 a 24. Exemplo: --months 12", value)
	},
	BadLang: func(value string) string {
		return fmt.Sprintf("--lang %q não é um idioma do jpkicheck. Exemplo: --lang ja ou --lang en", value)
	},
	UnknownFlag: func(flag string) string {
		return fmt.Sprintf("a opção %s não existe", flag)
	},
	FlagNeedsValue: func(flag, example string) string {
		if example == "" {
			return fmt.Sprintf("%s precisa de um valor", flag)
		}
		return fmt.Sprintf("%s precisa de um valor. Exemplo: %s", flag, example)
	},
	BadFlag: func(detail string) string {
		return detail
	},
	UnexpectedArgs: func(args string) string {
		return fmt.Sprintf("argumento a mais: %s", args)
	},
	UnknownCommand: func(name string) string {
		return fmt.Sprintf("o comando %q não existe", name)
	},
	BadTrustCA: func(path, detail string) string {
		return fmt.Sprintf("não foi possível ler --trust-ca %s (%s). Exemplo: --trust-ca test-ca.pem (arquivo PEM com certificados de autoridade certificadora)", path, detail)
	},
	UnknownProfile: func(name, profiles string) string {
		return fmt.Sprintf("--sim %q não é um perfil do cartão simulado. Perfis: %s. Exemplo: --sim expired", name, profiles)
	},
	HintHelp: func(command string) string {
		return fmt.Sprintf("execute 'jpkicheck %s--help' para ver os comandos e as opções", command)
	},
	ErrorPrefix: "jpkicheck: ",
	HintPrefix:  "dica: ",

	CertTitle: func(kind jpki.CertFile) string {
		if kind == jpki.SignCert {
			return "Certificado eletrônico para assinatura (署名用電子証明書), usado no e-Tax e em outros pedidos on-line"
		}
		return "Certificado eletrônico para autenticação do usuário (利用者証明用電子証明書), usado para login"
	},
	LabelIssuer: "Emissor",
	TrustText: func(r *CertReport) string {
		if r.Trust.Pending {
			return "verificando…"
		}
		switch r.Trust.Status {
		case jpki.TrustBuiltIn:
			return fmt.Sprintf("J-LIS (地方公共団体情報システム機構); assinatura verificada com a autoridade certificadora J-LIS embutida (%d)", r.caYear())
		case jpki.TrustUserSupplied:
			if r.simulated {
				return "autoridade certificadora de teste do cartão simulado (não é a J-LIS); assinatura verificada"
			}
			return "autoridade certificadora indicada por você; assinatura verificada (" + r.caName() + ")"
		case jpki.TrustCardCA:
			return "autoridade certificadora JPKI que não está na lista embutida; assinatura verificada com o certificado da autoridade gravado no cartão"
		case jpki.TrustInvalid:
			return "a assinatura não corresponde ao certificado da autoridade emissora. O cartão pode estar danificado: consulte o guichê da prefeitura (市区町村の窓口)"
		case jpki.TrustUnknownIssuer:
			return "autoridade certificadora desconhecida, e o cartão não tem certificado de autoridade para a verificação"
		}
		return "não verificado (--quick)"
	},
	LabelPINs: "Tentativas restantes das senhas",
	PINName:   ptPINName,
	PINTries: func(p *PINReport) string {
		switch {
		case p.Unknown:
			return "desconhecido (o cartão não informou)"
		case p.NotSet():
			return "não existe neste cartão"
		case p.verified():
			return "já confirmada neste momento (o número de tentativas não é mostrado)"
		case p.Locked:
			return "bloqueada"
		}
		return fmt.Sprintf("restam %d de %d tentativas", p.TriesLeft, p.MaxTries)
	},
	PINWarning: func(pin jpki.PIN, p *PINReport) string {
		name := ptPINName(pin)
		switch {
		case p.NotSet() && pin == jpki.SignPIN:
			return ptNoSignCert +
				// advice: proxy-legal-rep
				" Os procedimentos de menores de 15 anos são feitos pelo representante legal (pais ou responsável). Pergunte no guichê o que levar."
		case p.NotSet():
			// advice: faceauth-what
			return fmt.Sprintf("Neste cartão não está definida a %s. O Cartão My Number com autenticação facial (顔認証マイナンバーカード) é um cartão sem senhas.", name)
		case p.verified():
			return fmt.Sprintf("Segundo o cartão, a %s já está confirmada neste momento (outro programa deste computador a digitou). Quando terminar, feche esse programa ou retire o cartão.", name)
		case p.Locked && p.maybeNoPIN:
			return fmt.Sprintf("O cartão informa que a %s está bloqueada. ", name) + ptFaceAuth + " Se não for um cartão com autenticação facial, a senha está de fato bloqueada. " + ptPINReset
		case p.Locked:
			return fmt.Sprintf("A %s está bloqueada. ", name) + ptPINReset
		case !p.Unknown && p.TriesLeft == 1:
			// advice: pin-lock-counts, pin-reset-office
			return fmt.Sprintf("Resta apenas 1 tentativa para a %s: mais um erro e ela será bloqueada. Se não tiver certeza, não digite; peça a redefinição (inicialização) da senha.", name)
		}
		return ""
	},
	LabelBring:           "Procedimento no guichê",
	LabelInPerson:        "Se o próprio titular for",
	LabelByProxy:         "Se um procurador for",
	BringInPerson:        ptBringInPerson,
	BringByProxy:         ptBringByProxy,
	BringByProxyNoForm:   ptBringByProxyNoForm,
	BringByProxyPINReset: ptBringByProxyPINReset,
	Simulated: func(profile string) string {
		return fmt.Sprintf("Observação: este é o resultado do cartão simulado embutido no jpkicheck (perfil %s), não de um cartão real.", profile)
	},
	Reading: "Lendo o cartão…",
	InsertCard: func(readers []string) string {
		if len(readers) == 0 {
			return "Conecte uma leitora de cartão e coloque o seu Cartão My Number (マイナンバーカード)…"
		}
		return fmt.Sprintf("Coloque o seu Cartão My Number (マイナンバーカード) na leitora (%s)…", strings.Join(readers, ", "))
	},
	PersonalTitle:   "Dados do titular gravados no certificado eletrônico para assinatura (署名用電子証明書) (mostrados porque você pediu --show-personal)",
	LabelName:       "Nome",
	LabelAltName:    "Nome (caracteres substitutos)",
	LabelBirthDate:  "Data de nascimento",
	LabelSex:        "Sexo",
	LabelAddress:    "Endereço",
	LabelAltAddress: "Endereço (caracteres substitutos)",
	SexName: func(code string) string {
		switch code {
		case "1":
			return "masculino"
		case "2":
			return "feminino"
		}
		return code
	},
	PINPrompt: func(pin jpki.PIN) string {
		return fmt.Sprintf("Digite a %s em caracteres de meia largura (não aparece na tela): ", ptPINName(pin))
	},
	PINCorrect: func(pin jpki.PIN) string {
		return fmt.Sprintf("Correta: o cartão aceitou a %s. As tentativas restantes voltaram a %d.", ptPINName(pin), pin.MaxTries())
	},
	PINUsage: func(got string) string {
		return fmt.Sprintf("pin aceita status ou verify auth|sign, não %q. Exemplo: jpkicheck pin verify auth", got)
	},
	RemoveCardNow:      "Retire o cartão da leitora agora: o jpkicheck não conseguiu desfazer a confirmação da senha digitada e, até o cartão ser retirado, outro programa poderia usá-la.",
	ForceOnlyForVerify: "--force só pode ser usado com pin verify, que pode gastar uma tentativa. Exemplo: jpkicheck pin verify sign --force",
	ExportUsage: func(got string) string {
		return fmt.Sprintf("export aceita auth, sign, auth-ca ou sign-ca (recebido: %q). Exemplo: jpkicheck export auth -o auth.pem", got)
	},
	BadFormat: func(got string) string {
		return fmt.Sprintf("--format %q não é um formato que o jpkicheck grava. Exemplo: --format pem (ou der, p7b)", got)
	},
	BinaryToTerminal: func(format string) string {
		return fmt.Sprintf("%s é um formato binário e embaralharia o terminal. Exemplo: jpkicheck export auth --format %s -o auth.%s", format, format, format)
	},
	FileExists: func(path string) string {
		return fmt.Sprintf("%s já existe; o jpkicheck não substitui arquivos sem --force. Exemplo: -o %s --force", path, path)
	},
	Exported: func(what, path string) string {
		return fmt.Sprintf("O certificado %s foi gravado em %s.", what, path)
	},
	SignExportWarning: "Este certificado eletrônico para assinatura (署名用電子証明書) contém seu nome, endereço, data de nascimento e sexo. Guarde o arquivo em local privado e apague-o quando não precisar mais dele.",
	ICSCalendarName:   "Certificados do Cartão My Number",
	ICSOpensSummary: func(w window.Window) string {
		return "Cartão My Number: hoje começa a renovação do certificado eletrônico"
	},
	ICSOpensDescription: func(w window.Window) string {
		// advice: renew-at-office-only, renew-free
		return fmt.Sprintf("De hoje até %s, você pode renovar os certificados eletrônicos do seu Cartão My Number (マイナンバーカード) no guichê da prefeitura (市区町村の窓口). A renovação é gratuita.\n\n"+
			"Se o próprio titular for: %s\nSe um procurador for: %s", ptDate(w.Expiry), ptBringInPerson, ptBringByProxy)
	},
	ICSWeekSummary: func(w window.Window) string {
		return fmt.Sprintf("Cartão My Number: o certificado eletrônico vence em uma semana (%s)", ptDate(w.Expiry))
	},
	ICSWeekDescription: func(w window.Window) string {
		// advice: auth-lapse-stops
		return fmt.Sprintf("O certificado eletrônico vence em %s. Se ainda não renovou, vá ao guichê da prefeitura (市区町村の窓口) antes dessa data. "+
			"Depois do vencimento, até receber um novo certificado, o cartão não pode ser usado para emitir documentos em lojas de conveniência, no e-Tax nem em outros procedimentos on-line.", ptDate(w.Expiry))
	},
	ICSAlreadyOpen: "Alguns lembretes já estão no passado.",
	ICSWritten: func(path string) string {
		return fmt.Sprintf("Os lembretes foram gravados em %s. Abra o arquivo no seu programa de calendário para importá-los.", path)
	},
	ReaderCard: func(present bool, card, problem string) string {
		switch {
		case !present:
			return "sem cartão"
		case problem != "":
			return "cartão não identificado: " + strings.TrimSuffix(ptProblem(Details{Problem: Problem(problem)}), ".")
		}
		return map[string]string{
			"my_number_card":     "Cartão My Number (マイナンバーカード)",
			"juki_card":          "Cartão do Registro Básico de Residentes (住基カード)",
			"smartphone_android": "certificado eletrônico do smartphone (Android)",
			"smartphone_ios":     "certificado eletrônico do smartphone (iPhone)",
		}[card] + ptUnknownCard(card)
	},
	HelpReaders: `Uso:
  jpkicheck readers [opções]

Lista as leitoras de cartão, se cada uma tem um cartão e que tipo de cartão
é (Cartão My Number, 住基カード, …). Para saber o tipo, lê apenas o
identificador JPKI do cartão; nenhuma senha é usada.

Opções:
  --reader NOME         lista só as leitoras cujo nome contém NOME
  --wait DURAÇÃO        antes, espera um cartão por até esse tempo (padrão: lista na hora)
  --json                mostra um objeto JSON para scripts
  --lang LANG           idioma (padrão: de LC_ALL, LC_MESSAGES, LANG)
` + ptCardFlags + `
Exemplos:
  $ jpkicheck readers
  $ jpkicheck readers --wait 10s --json
`,
	ProblemMessage: ptProblem,
	ProblemHint:    ptHint,

	HelpMain: `O jpkicheck informa quando vencem os certificados eletrônicos do seu
Cartão My Number (マイナンバーカード), se já é possível renová-los e o que
levar ao guichê da prefeitura (市区町村の窓口).

Uso:
  jpkicheck [comando] [opções]

Comandos:
  check      lê o cartão e informa (padrão; não precisa de senha)
  pin        tentativas restantes das senhas, sem gastar nenhuma; pin verify auth|sign
  export     grava um certificado em arquivo (pem, der, p7b)
  ics        arquivo de calendário com lembretes das datas de renovação
  readers    lista as leitoras de cartão e os cartões nelas
  kiosk      página em tela cheia para o saguão da prefeitura
  ui         a mesma página para uso em casa, no navegador
  window     o período de renovação para uma data de vencimento (sem cartão)
  demo       a verificação completa com o cartão simulado embutido
  version    mostra a versão (-v: com as versões dos módulos)

Exemplos:
  $ jpkicheck
  $ jpkicheck demo
  $ jpkicheck pin verify auth
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck window --expiry 2027-03-15

Códigos de saída:
  0  tudo certo, renovação ainda não começou   4  vencido
  1  outro erro                                5  sem serviço PC/SC, sem leitora ou sem cartão
  2  erro de uso ou dado inválido              6  não é um Cartão My Number
  3  período de renovação aberto               7  senha bloqueada ou recusada

Idioma: --lang ja|en|ja-easy|zh|ko|pt|vi; sem ele, de LC_ALL, LC_MESSAGES ou LANG (ja_* dá japonês).
Execute 'jpkicheck COMANDO --help' para ver as opções de um comando.
`,
	HelpCheck: `Uso:
  jpkicheck [check] [opções]

Lê o seu Cartão My Number (マイナンバーカード) na leitora — sem senha — e
informa quando vence o certificado eletrônico para autenticação do usuário
(利用者証明用電子証明書), se já é possível renová-lo e quantas tentativas
restam nas duas senhas. Nada no cartão é alterado e nenhuma tentativa é gasta.

Opções:
` + ptCheckFlags + ptReaderFlags + `  --json                mostra um objeto JSON para scripts
  --lang LANG           idioma (padrão: de LC_ALL, LC_MESSAGES, LANG)
` + ptCardFlags + `
Exemplos:
  $ jpkicheck
  $ jpkicheck check --lang en --json
  $ jpkicheck check --sim expired
  $ jpkicheck check --sign

Códigos de saída: 0 renovação ainda não começou, 3 período de renovação aberto,
4 vencido, 7 uma senha está bloqueada, 5 sem serviço/leitora/cartão,
6 não é um Cartão My Number, 2 dado inválido, 1 outro erro.

O certificado eletrônico para assinatura (署名用電子証明書) perde a validade
automaticamente quando muda o nome, o endereço, a data de nascimento ou o sexo
(por exemplo, ao se mudar ou se casar); o certificado eletrônico para
autenticação do usuário continua valendo. O jpkicheck lê só o cartão, por isso
não sabe se o certificado para assinatura perdeu a validade.
`,
	HelpDemo: `Uso:
  jpkicheck demo [opções]

Faz a verificação completa com o cartão simulado embutido no jpkicheck, para
você ver o que o jpkicheck diz a um morador sem ter uma leitora. O cartão
padrão está no período de renovação; --sim escolhe outro perfil (veja a lista
mostrada no final). Aceita as opções do check; não há leitora para escolher.

Opções:
` + ptCheckFlags + `  --json                mostra um objeto JSON para scripts
  --lang LANG           idioma (padrão: de LC_ALL, LC_MESSAGES, LANG)
` + ptCardFlags + `
Exemplos:
  $ jpkicheck demo
  $ jpkicheck demo --sim expired --lang en
  $ jpkicheck demo --sign
`,
	DemoMore: func(profiles string) string {
		return "Este foi um cartão simulado. Experimente outro: jpkicheck check --sim PERFIL, com PERFIL sendo um destes\n  " + profiles
	},
	HelpPIN: `Uso:
  jpkicheck pin [status] [opções]
  jpkicheck pin verify auth|sign [--force] [opções]

pin status mostra quantas tentativas restam nas suas duas senhas, sem gastar
nenhuma: o cartão recebe um VERIFY vazio, que só informa o contador.

pin verify confirma que você ainda lembra uma senha antes de ir ao guichê.
Primeiro mostra as tentativas restantes, depois pede a senha (oculta no
terminal; senão, da primeira linha da entrada padrão). Envia a senha uma vez e
nunca tenta de novo. Com apenas 1 tentativa restante, recusa-se a enviar sem
--force, porque uma senha errada a bloquearia até ser redefinida.

  auth   senha do certificado para autenticação do usuário, 4 números (3 tentativas)
  sign   senha do certificado para assinatura, 6 a 16 letras e números (5 tentativas)

Opções:
  --force               pin verify: envia a senha mesmo na última tentativa
` + ptReaderFlags + `  --json                mostra um objeto JSON para scripts
  --lang LANG           idioma (padrão: de LC_ALL, LC_MESSAGES, LANG)
` + ptCardFlags + `
Exemplos:
  $ jpkicheck pin
  $ jpkicheck pin verify auth
  $ jpkicheck pin verify sign --sim sign-one-try --force

Códigos de saída: 0 tudo certo / senha correta, 7 bloqueada, errada ou recusada,
5 sem cartão, 6 não é um Cartão My Number, 2 dado inválido.
`,
	HelpExport: `Uso:
  jpkicheck export auth|sign|auth-ca|sign-ca [--format pem|der|p7b] [-o ARQUIVO] [--force] [opções]

Grava um certificado do cartão, para usar em outros programas:
  auth      o certificado para autenticação do usuário (sem senha)
  sign      o certificado para assinatura: pede a senha de assinatura. Contém
            seu nome, endereço, data de nascimento e sexo; guarde-o em sigilo.
  auth-ca   o certificado da autoridade certificadora de auth, gravado no cartão
  sign-ca   o certificado da autoridade certificadora de sign, gravado no cartão

Formatos: pem (texto, padrão; o certificado e depois a autoridade), der (um
certificado binário), p7b (pacote PKCS#7 com o certificado e a autoridade, que
os visualizadores de certificados do Windows e do macOS abrem). Formatos
binários não são gravados no terminal.

Opções:
  --format pem|der|p7b  formato do arquivo (padrão pem)
  -o, --output ARQUIVO  grava em ARQUIVO em vez da saída padrão
  --force               substitui ARQUIVO se já existir (no export, --force nunca
                        gasta a última tentativa da senha: para isso use
                        'jpkicheck pin verify sign --force')
` + ptReaderFlags + `  --json                informa um problema como objeto JSON para scripts
  --lang LANG           idioma (padrão: de LC_ALL, LC_MESSAGES, LANG)
` + ptCardFlags + `
Exemplos:
  $ jpkicheck export auth > auth.pem
  $ jpkicheck export auth --format p7b -o auth.p7b
  $ jpkicheck export sign --format der -o sign.der
`,
	HelpICS: `Uso:
  jpkicheck ics [-o ARQUIVO] [--force] [opções]

Lê o cartão (sem senha) e grava um arquivo de calendário (iCalendar, .ics) com
dois lembretes de dia inteiro para o certificado para autenticação do usuário:
o dia em que começa a renovação e uma semana antes do vencimento, cada um com
um alarme às 09:00. Importe-o no Google Agenda, Outlook, Calendário da Apple
ou Thunderbird. Importar um arquivo mais novo do mesmo certificado atualiza os
lembretes em vez de criar cópias.

Opções:
  -o, --output ARQUIVO  grava em ARQUIVO em vez da saída padrão
  --force               substitui ARQUIVO se já existir
` + ptReaderFlags + `  --json                informa um problema como objeto JSON para scripts
  --lang LANG           idioma dos lembretes e das mensagens
` + ptCardFlags + `
Exemplos:
  $ jpkicheck ics -o my-number-card.ics
  $ jpkicheck ics --lang en > reminders.ics
`,
	HelpWindow: `Uso:
  jpkicheck window --expiry AAAA-MM-DD [--today AAAA-MM-DD] [--months N] [--json] [--lang LANG]

Calcula, sem cartão, o período de renovação de um certificado que vence na data
indicada. A renovação é aceita a partir do dia seguinte à data 3 meses antes
do vencimento até o dia do vencimento; se esse mês for mais curto, vale o
último dia dele (31 de maio → a partir de 1º de março). O certificado vale até
o 5º aniversário depois do dia da emissão; se for renovado dentro do período
de renovação, vale até o 6º aniversário. Nunca passa da validade do próprio
cartão.

Opções:
  --expiry AAAA-MM-DD   data de vencimento do certificado (obrigatória)
  --today AAAA-MM-DD    calcula como se fosse esse dia (padrão: hoje no Japão)
  --months N            duração do período em meses (padrão 3)
  --json                mostra um objeto JSON em vez de frases
  --lang LANG           idioma das frases

Exemplos:
  $ jpkicheck window --expiry 2027-03-15
  $ jpkicheck window --expiry 2027-05-31 --today 2027-03-01 --json
  $ jpkicheck window --expiry 2027-03-15 --months 12

Códigos de saída: 0 ainda não começou, 3 período de renovação aberto, 4 vencido,
2 dado inválido.
`,
	HelpVersion: `Uso:
  jpkicheck version [-v]

Mostra a versão do jpkicheck, a versão do Go usada para compilá-lo e o sistema
em que está rodando.

Opções:
  -v                    lista também os módulos e as configurações da compilação

Exemplos:
  $ jpkicheck version
  $ jpkicheck version -v
`,
	DidYouMean: func(command string) string {
		return fmt.Sprintf("você quis dizer 'jpkicheck %s'?", command)
	},

	LabelOfficeDays: "Dias de atendimento",
	OfficeDays: func(first, last window.Date) string {
		return fmt.Sprintf("%s a %s", ptDate(first), ptDate(last))
	},
	ExpiryOfficeClosed: func(w window.Window) string {
		return fmt.Sprintf("Em %s o guichê não atende. O último dia para renovar no guichê é %s.", ptDate(w.Expiry), ptDate(w.LastOfficeDay))
	},
	CardExpiryCheck: "A validade do próprio Cartão My Number (マイナンバーカード) está impressa na frente do cartão. Se for igual ou próxima da validade do certificado eletrônico, o que você precisa é de um novo cartão, e não da renovação do certificado (jpkicheck check --card-expiry DATA diz qual dos dois).",
	LabelCardExpiry: "Validade do cartão",
	CardExpiry: func(r CardExpiryReport) string {
		switch {
		case r.State == window.Expired:
			return fmt.Sprintf("A validade do próprio cartão venceu em %s. O certificado eletrônico não pode ser usado depois da validade do cartão. Sobre um novo cartão, consulte o guichê da prefeitura (市区町村の窓口).", ptDate(r.Expiry))
		case !r.NewCardNeeded:
			return fmt.Sprintf("O próprio cartão vale até %s, depois do certificado eletrônico, por isso basta renovar o certificado. A renovação do cartão pode ser pedida a partir de %s.", ptDate(r.Expiry), ptDate(r.Opens))
		case r.State == window.Open:
			return fmt.Sprintf("O certificado eletrônico vence na mesma data ou perto da validade do cartão (%s), por isso é preciso renovar o cartão (pedir um novo cartão), e não o certificado. Você pode pedir até %s. O novo cartão leva cerca de 1 mês para ficar pronto. Pode usar o formulário de solicitação que vem junto com o aviso de vencimento. É gratuito.", ptDate(r.Expiry), ptDate(r.Expiry))
		}
		return fmt.Sprintf("O certificado eletrônico vence na mesma data ou perto da validade do cartão (%s), por isso é preciso renovar o cartão (pedir um novo cartão), e não o certificado. A renovação do cartão pode ser pedida a partir de %s, o dia seguinte à data 3 meses antes do vencimento, e o novo cartão leva cerca de 1 mês para ficar pronto. Pode usar o formulário de solicitação que vem junto com o aviso de vencimento. É gratuito.", ptDate(r.Expiry), ptDate(r.Opens))
	},
	ClockWrong: func(notBefore, today window.Date) string {
		return fmt.Sprintf("O certificado eletrônico foi emitido em %s, depois de hoje segundo este computador (%s). A data do computador está errada, por isso o jpkicheck não dá resposta sobre a renovação.", ptDate(notBefore), ptDate(today))
	},
	ClockWrongHint: "acerte a data e a hora do computador (ou corrija --today) e execute de novo",
	ICSNothingAhead: func(w window.Window) string {
		if w.State == window.Expired {
			return fmt.Sprintf("O certificado eletrônico venceu em %s, então todos os dias dos lembretes já passaram: nenhum arquivo de calendário foi criado. No guichê da prefeitura (市区町村の窓口) você pode receber gratuitamente um novo certificado eletrônico.", ptDate(w.Expiry))
		}
		last := w.LastOfficeDay
		if last.IsZero() {
			last = w.Expiry
		}
		return fmt.Sprintf("Os dias dos lembretes já passaram: nenhum arquivo de calendário foi criado. O período de renovação está aberto; o último dia para renovar no guichê é %s.", ptDate(last))
	},
	HelpMore: func(command string) string {
		switch command {
		case "window":
			return `Mais opções:
  --office ARQUIVO      conta também os dias extras de atendimento e os dias
                        fechados do arquivo do guichê (veja jpkicheck kiosk --help)
  --card-expiry DATA    a validade do próprio cartão, impressa na frente: diz
                        se é preciso renovar o cartão

--expiry e --card-expiry aceitam também 2027/3/15, 2027年3月15日 e 令和9年3月15日.
`
		case "check", "demo":
			return `Mais opções:
  --card-expiry DATA    a validade do próprio cartão, impressa na frente: diz
                        se é preciso renovar o cartão (2027-03-15, 2027/3/15
                        ou 令和9年3月15日)
`
		case "":
			return "Versão: jpkicheck --version\n"
		}
		return ""
	},
	DemoSecrets: func(pin, password string) string {
		return fmt.Sprintf("No cartão simulado, a senha do certificado para autenticação do usuário (4 números) é %s e a senha do certificado para assinatura (letras e números) é %s. Experimente: jpkicheck demo --sign", pin, password)
	},
	DidYouMeanProfile: func(profile string) string {
		return fmt.Sprintf("você quis dizer --sim %s?", profile)
	},
	BadWait: func(value string) string {
		return fmt.Sprintf("--wait %q não é uma duração. Exemplo: --wait 30s (ou 2m; 0 = não esperar)", value)
	},
	CannotWrite: func(path string, missingFolder bool) string {
		if missingFolder {
			return fmt.Sprintf("não é possível gravar %s: a pasta não existe. Crie a pasta antes ou indique um arquivo numa pasta existente. Exemplo: -o jpki-renewal.ics", path)
		}
		return fmt.Sprintf("não é possível gravar %s: verifique se você tem permissão para gravar nessa pasta. Exemplo: -o jpki-renewal.ics", path)
	},
	TrustCAReason: func(kind string) string {
		switch kind {
		case "missing":
			return "o arquivo não existe"
		case "not_pem":
			return "não há nele certificado de autoridade certificadora no formato PEM (-----BEGIN CERTIFICATE-----)"
		}
		return "não foi possível ler o arquivo"
	},
	ErrorHint: "se isso acontecer de novo, execute o mesmo comando com --trace e envie o que aparecer (as senhas, o número de série e os dados pessoais ficam ocultos)",
}

func ptProblem(d Details) string {
	switch d.Problem {
	case NoService:
		return "O serviço de smart card (PC/SC) não está funcionando."
	case NoReader:
		return "Nenhuma leitora de cartão foi encontrada."
	case NoCard:
		return "Não há cartão na leitora."
	case UnknownReader:
		return fmt.Sprintf("Nenhuma leitora corresponde a %q. Leitoras conectadas: %s.", d.Reader, strings.Join(d.Readers, ", "))
	case CardRemoved:
		return "O cartão foi retirado durante a leitura."
	case CardInUse:
		return "Outro programa está usando o cartão."
	case CardMute:
		return "O cartão na leitora não responde."
	case CardTimeout:
		return "O cartão parou de responder."
	case NotJPKI:
		return "Este cartão não parece ser um Cartão My Number (マイナンバーカード): não foi encontrada a função de certificado eletrônico."
	case JukiCard:
		return "Este é um Cartão do Registro Básico de Residentes (住基カード), não um Cartão My Number (マイナンバーカード)."
	case Smartphone:
		return "Este é o certificado eletrônico para smartphone, não um Cartão My Number (マイナンバーカード)."
	case UnknownToken:
		return fmt.Sprintf("Este cartão tem uma função de certificado eletrônico de um tipo que o jpkicheck não conhece (%q).", d.Token)
	case NoCertificate:
		if d.PIN == jpki.SignPIN {
			return "Este Cartão My Number (マイナンバーカード) não tem certificado eletrônico para assinatura (署名用電子証明書)."
		}
		return "Este Cartão My Number (マイナンバーカード) não tem certificado eletrônico para autenticação do usuário (利用者証明用電子証明書)."
	case Malformed:
		return "Não foi possível ler corretamente o certificado eletrônico do cartão."
	case PINLocked:
		if d.MaybeNoPIN {
			// advice: faceauth-what
			return fmt.Sprintf("O cartão informa que a %s está bloqueada. Se for um Cartão My Number com autenticação facial (顔認証マイナンバーカード), um cartão sem senhas, isso é o esperado.", ptPINName(d.PIN))
		}
		return fmt.Sprintf("A %s está bloqueada.", ptPINName(d.PIN))
	case PINWrong:
		return fmt.Sprintf("A %s está errada. Restam %s.", ptPINName(d.PIN), ptTries(d.TriesLeft))
	case PINLastTry:
		return fmt.Sprintf("Resta apenas 1 tentativa para a %s, por isso o jpkicheck não a enviou ao cartão.", ptPINName(d.PIN))
	case PINDeclined:
		return "Nada foi enviado ao cartão."
	case PINMissing:
		return "Nenhuma senha veio pela entrada padrão. Nada foi enviado ao cartão."
	case Cancelled:
		return "Cancelado."
	case PINFormat:
		if d.PIN == jpki.SignPIN {
			if d.FormatReason == jpki.PINFormatNeedsLetterAndDigit {
				return "A senha para assinatura tem letras (A–Z) e números de meia largura: pelo menos uma letra e pelo menos um número. Nada foi enviado ao cartão."
			}
			return "A senha para assinatura tem de 6 a 16 caracteres de meia largura, combinando letras (A–Z) e números. Nada foi enviado ao cartão."
		}
		return "A senha para autenticação do usuário tem exatamente 4 números de meia largura. Nada foi enviado ao cartão."
	case PINNotSet:
		if d.PIN == jpki.SignPIN {
			return ptNoSignCert
		}
		// advice: faceauth-what
		return fmt.Sprintf("Neste cartão não está definida a %s. O Cartão My Number com autenticação facial (顔認証マイナンバーカード) é um cartão sem senhas.", ptPINName(d.PIN))
	case PINBusy:
		return "Segundo o cartão, a senha já está confirmada por outro programa, por isso não se sabe quantas tentativas restam. Nada foi enviado ao cartão."
	case CardLink:
		return "A comunicação com o cartão falhou."
	}
	if d.Err != nil {
		return d.Err.Error()
	}
	return "Ocorreu um problema."
}

func ptHint(d Details, goos string) string {
	switch d.Problem {
	case Cancelled:
		return "execute de novo quando estiver pronto"
	case NoService:
		switch goos {
		case "windows":
			return "inicie o serviço \"Smart Card\" (services.msc) ou desconecte a leitora e conecte de novo"
		case "darwin":
			return "desconecte a leitora e conecte de novo; no macOS o serviço inicia sozinho"
		}
		return "inicie o serviço: sudo systemctl start pcscd.socket (Debian/Ubuntu: sudo apt install pcscd)"
	case NoReader:
		return "conecte uma leitora USB (de contato ou NFC, como a PaSoRi); uma leitora NFC pode precisar de driver"
	case NoCard:
		return "insira o cartão (pelo lado do chip, com a frente para cima) ou coloque-o deitado sobre a leitora NFC e execute de novo; --wait 60s espera mais"
	case UnknownReader:
		return "execute 'jpkicheck readers' para ver os nomes e passe uma parte de um deles em --reader"
	case CardRemoved:
		return "coloque o cartão de volta e execute de novo; na leitora NFC, não mexa no cartão até aparecer o resultado"
	case CardInUse:
		return "feche os outros programas que usam o cartão (o software cliente do JPKI (利用者クライアントソフト), o e-Tax, o login pelo navegador) e tente de novo"
	case CardMute:
		return "retire o cartão e insira de novo, pelo lado do chip e com a frente para cima; limpar o chip com cuidado pode resolver"
	case CardTimeout:
		return "retire o cartão, insira de novo e execute de novo; se continuar, tente outra leitora"
	case NotJPKI:
		return "insira o seu Cartão My Number (マイナンバーカード / 個人番号カード); outros cartões com chip, como os de banco ou de transporte, não têm certificado eletrônico"
	case JukiCard:
		// advice: juki-card
		return "não são mais emitidos certificados eletrônicos neste cartão; se precisar de um, solicite o Cartão My Number (マイナンバーカード)"
	case Smartphone:
		// advice: smartphone-not-card
		return "a validade do certificado eletrônico do smartphone pode ser vista no aplicativo Mynaportal; o jpkicheck lê o próprio cartão"
	case UnknownToken, Malformed:
		return "retire o cartão, insira de novo e execute de novo; se continuar, consulte o guichê da prefeitura (市区町村の窓口)"
	case NoCertificate:
		// advice: sign-revoked-change
		return "ele não foi emitido ou perdeu a validade; se precisar, peça a emissão de um novo no guichê da prefeitura (市区町村の窓口)"
	case PINLocked:
		hint := strings.TrimSuffix(ptPINReset, ".")
		if d.MaybeNoPIN {
			return "se não for um cartão com autenticação facial, a senha está de fato bloqueada. " + hint
		}
		return hint
	case PINWrong:
		// advice: pin-reset-office
		return "o jpkicheck nunca tenta de novo sozinho; se não tiver certeza da senha, não tente adivinhar: peça a redefinição (inicialização) da senha"
	case PINLastTry:
		// advice: pin-reset-office
		return "se tiver certeza, execute de novo com --force; caso contrário, peça a redefinição (inicialização) da senha"
	case PINFormat:
		return "confira o que digitou; letras minúsculas e caracteres de largura total são aceitos e convertidos; nenhuma tentativa foi gasta"
	case PINNotSet:
		return "nada foi enviado ao cartão, por isso nenhuma tentativa foi gasta"
	case PINBusy:
		return "feche os outros programas que usam o cartão, retire o cartão, insira de novo e tente mais uma vez"
	case CardLink:
		return "coloque o cartão de volta na leitora e não mexa nele até aparecer o resultado; depois execute de novo"
	case PINMissing:
		return "passe a senha numa linha pela entrada padrão: printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth"
	case PINDeclined:
		return "digite a senha quando for pedida; um script pode passá-la pela entrada padrão (printf '%s\\n' \"$PIN\" | jpkicheck pin verify auth)"
	}
	return "execute de novo com --trace para ver cada etapa e, se continuar, informe o problema"
}

// ptPINName names a PIN with its form, as municipal pages do: the card has
// two more 4-digit PINs, so "the 4-digit PIN" alone would not say which.
func ptPINName(pin jpki.PIN) string {
	if pin == jpki.SignPIN {
		return "senha para assinatura (6 a 16 letras e números)"
	}
	return "senha para autenticação do usuário (4 números)"
}

// advice: child-no-sign
const ptNoSignCert = "Este cartão não tem certificado eletrônico para assinatura (署名用電子証明書), por isso também não tem a senha dele. " +
	"Os cartões de menores de 15 anos e os cartões com autenticação facial não têm esse certificado."

// ptFaceAuth is said where a card may be a face-authentication card.
const ptFaceAuth = "" +
	// advice: faceauth-what
	"Se for um Cartão My Number com autenticação facial (顔認証マイナンバーカード), um cartão sem senhas, isso é o esperado. " +
	// advice: faceauth-cannot
	"Com esse cartão não é possível usar serviços que pedem senha, como a emissão de documentos em lojas de conveniência, o Mynaportal e o e-Tax. " +
	// advice: faceauth-switch-back
	"No guichê da prefeitura (市区町村の窓口) também é possível voltar a um cartão normal, com senhas."

// ptPINReset is where a locked PIN is reset.
const ptPINReset = "" +
	// advice: pin-reset-office
	"A senha pode ser redefinida (inicializada) no guichê da prefeitura (市区町村の窓口): leve o Cartão My Number (マイナンバーカード) e um documento de identidade. " +
	// advice: pin-reset-convenience
	"Se você souber a outra senha e os certificados eletrônicos estiverem dentro da validade e não tiverem sido revogados, também pode reservar a redefinição no aplicativo de smartphone " +
	"「JPKI暗証番号リセット」 (JPKI PIN Reset) e concluí-la em até 24 horas num terminal multifuncional de loja de conveniência " +
	"(é preciso um smartphone que leia o chip do cartão)."

const ptBringInPerson = "" +
	// advice: bring-in-person
	"Leve o seu Cartão My Number (マイナンバーカード). No guichê, você digita a senha do certificado eletrônico para autenticação do usuário (利用者証明用電子証明書) (4 números) e a senha do certificado eletrônico para assinatura (署名用電子証明書) (6 a 16 letras e números). " +
	"Em alguns guichês, digita também a senha do Registro Básico de Residentes (4 números). " +
	// advice: bring-pin-unknown
	"Se não souber uma senha ou se ela estiver bloqueada, primeiro a senha é redefinida (inicializada) no guichê e depois é feita a renovação. Leve também um documento de identidade (por exemplo, a carteira de motorista)."

const ptBringByProxy = "" +
	// advice: proxy-before-expiry
	"O procurador leva o seu Cartão My Number (マイナンバーカード), o formulário de consulta e resposta (照会書兼回答書) que veio junto com o aviso de vencimento (preenchido por você, com as senhas escritas, dentro do envelope fechado) " +
	"e um documento de identidade com foto do próprio procurador (Cartão My Number, carteira de motorista, passaporte etc.). " +
	// advice: proxy-form-valid-until-expiry
	"O formulário de consulta e resposta (照会書兼回答書) pode ser usado até o dia do vencimento do certificado eletrônico."

// advice: proxy-no-form
const ptBringByProxyNoForm = "Sem o formulário de consulta e resposta (照会書兼回答書) (por exemplo, depois do vencimento), a prefeitura recebe o pedido do procurador e depois envia pelo correio um formulário de consulta a você. " +
	"O procurador leva de volta o formulário preenchido por você, então são duas idas ao guichê."

// advice: proxy-pin-reset
const ptBringByProxyPINReset = "A redefinição (inicialização) da senha feita por procurador não termina no mesmo dia. " +
	"Depois do pedido, o formulário de consulta e resposta (照会書兼回答書) é enviado pelo correio a você, e o procurador o leva de volta preenchido por você."

// ptAdvice is what the situation means and what to do, a paragraph each.
func ptAdvice(s Situation) []string {
	var out []string
	atOffice, office := " no guichê da prefeitura (市区町村の窓口)", true
	if !s.usualWindow() {
		atOffice, office = "", false // abroad-where: no source says where people abroad renew
	}
	switch s.State {
	case window.NotYetOpen:
		if early, lost, ok := s.EarlyExpiry(); ok {
			renewed, _ := s.RenewedExpiry()
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Ainda não é preciso fazer nada. Se fizer o procedimento hoje, %s, ele conta como nova emissão, e não como renovação, e a validade será até %s. "+
				"Isso é %s a menos do que a validade até %s que você terá se renovar a partir de %s.", ptDate(s.Today), ptDate(early), ptYearsMonths(lost), ptDate(renewed), ptDate(s.Opens)))
		} else {
			// advice: renew-early-cost
			out = append(out, fmt.Sprintf("Ainda não é preciso fazer nada. O procedimento antes do período de renovação conta como nova emissão e a validade fica mais curta. "+
				"Recomendamos fazer o procedimento a partir de %s.", ptDate(s.Opens)))
		}
		if s.usualWindow() {
			// advice: validity-rule
			out = append(out, "O certificado eletrônico vale até o 5º aniversário do titular depois do dia da emissão. Se for renovado dentro do período de renovação "+
				"(menos de 3 meses antes do vencimento), vale até o 6º aniversário. Mas nunca passa da validade do próprio cartão.")
		}
	case window.Open:
		// A certificate that ends with the card is not renewed: the card
		// is (card-cert-same-date, said with the card's own expiry).
		if !s.endsWithCard() {
			// advice: renew-at-office-only, renew-free
			p := "Faça a renovação" + atOffice + ". A renovação do certificado eletrônico é gratuita."
			if renewed, ok := s.RenewedExpiry(); ok {
				// advice: renew-open-no-loss
				p += fmt.Sprintf(" Se renovar dentro do período de renovação, o novo certificado eletrônico valerá até %s. "+
					"Dentro do período, fazer o procedimento mais cedo não encurta a validade.", ptDate(renewed))
			} else if s.usualWindow() && !s.endsWithCard() {
				// advice: renew-open-no-loss
				p += " Confirme no guichê a validade do novo certificado eletrônico."
			}
			out = append(out, p)
		}
	case window.Expired:
		switch s.Cert {
		case jpki.AuthCert:
			// advice: auth-lapse-stops
			p := "Até receber um novo certificado eletrônico, o cartão não pode ser usado para entrar no Mynaportal, emitir documentos em lojas de conveniência " +
				"nem para procedimentos on-line como o e-Tax."
			if grace := s.InsuranceGraceEnd(); !s.Today.After(grace) {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" O uso como cartão do seguro de saúde (マイナ保険証) continua até o fim do terceiro mês depois do mês do vencimento, ou seja, até %s. "+
					"Nesse período, as clínicas e hospitais conseguem confirmar o seu seguro, mas as informações de consultas e de medicamentos não são compartilhadas.", ptDate(grace))
			} else {
				// advice: auth-lapse-insurance-grace
				p += fmt.Sprintf(" O uso como cartão do seguro de saúde (マイナ保険証) também terminou no fim do terceiro mês depois do mês do vencimento, em %s.", ptDate(grace))
			}
			out = append(out, p)
		case jpki.SignCert:
			// advice: sign-expiry-affects
			out = append(out, "Como a validade venceu, não é possível fazer assinatura eletrônica em pedidos on-line como o e-Tax. "+
				"A emissão de documentos em lojas de conveniência e o uso como cartão do seguro de saúde não usam o certificado eletrônico para assinatura (署名用電子証明書).")
		}
		// advice: auth-lapse-reissue-free, cert-usable-after-24h
		out = append(out, "Mesmo depois do vencimento, você pode receber gratuitamente um novo certificado eletrônico"+atOffice+". "+
			"O novo certificado eletrônico pode ser usado cerca de 24 horas depois do procedimento de emissão.")
	}
	if s.Cert == jpki.SignCert {
		// advice: sign-revoked-change
		p := "Quando o nome, o endereço, a data de nascimento ou o sexo mudam (por exemplo, ao se mudar ou se casar), o certificado eletrônico para assinatura (署名用電子証明書) perde a validade automaticamente " +
			"(o certificado eletrônico para autenticação do usuário (利用者証明用電子証明書) continua valendo). Um certificado para assinatura revogado continua no cartão, mas não pode ser usado."
		if office {
			p += " Se precisar, peça a emissão de um novo no guichê da prefeitura (市区町村の窓口)."
		}
		p += fmt.Sprintf(" O jpkicheck lê apenas o conteúdo do cartão, por isso não sabe se o certificado para assinatura foi revogado. "+
			"A validade até %s vale somente se ele não tiver sido revogado.", ptDate(s.Expiry))
		out = append(out, p)
	}
	if _, ok := s.RenewedExpiry(); ok && s.Cert != jpki.SignCert {
		// advice: foreign-period-of-stay, foreign-extension
		out = append(out, "Para moradores estrangeiros com prazo de permanência definido, a validade vai até o último dia do prazo de permanência, por isso este cálculo não se aplica. "+
			"A renovação do prazo de permanência não prolonga a validade automaticamente: quando receber o novo cartão de residente (在留カード), "+
			"faça no guichê da prefeitura (市区町村の窓口) o procedimento de alteração do prazo de validade antes que a validade do cartão vença.")
	}
	return out
}

func ptUnknownCard(card string) string {
	if card == "unknown" {
		return "cartão JPKI de tipo desconhecido"
	}
	return ""
}

// ptCheckFlags are check's own flags, which demo takes too.
const ptCheckFlags = `  --quick               lê só a validade; não verifica o emissor
  --sign                lê também o certificado para assinatura (pede a senha
                        para assinatura)
  --force               com --sign: envia a senha mesmo na última tentativa
  --show-personal       com --sign: mostra também o nome, o endereço, a data de
                        nascimento e o sexo do certificado
`

// ptReaderFlags choose the reader and how long to wait for a card.
const ptReaderFlags = `  --reader NOME         usa a leitora cujo nome contém NOME (padrão: a primeira
                        leitora com cartão; se não houver, espera um cartão)
  --wait DURAÇÃO        quanto tempo esperar um cartão (padrão 30s; 0 = não esperar)
`

// ptCardFlags are the rest of the card flags every command that reads a
// card takes.
const ptCardFlags = `  --sim [PERFIL]        usa o cartão simulado embutido em vez de uma leitora
  --trace               mostra cada comando enviado ao cartão (senhas ocultas)
  --trust-ca ARQUIVO    aceita também estes certificados de autoridade (PEM)
  --today AAAA-MM-DD    calcula como se fosse esse dia (padrão: hoje no Japão)
  --months N            duração do período de renovação em meses (padrão 3)
`
