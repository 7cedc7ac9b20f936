package report

import "fmt"

var ptKiosk = kioskMessages{
	Page: KioskPage{
		Title:           "Cartão My Number (マイナンバーカード): validade dos certificados eletrônicos",
		LangButton:      "日本語",
		LangButtonLabel: "日本語で表示する",

		Insert:     "Coloque o seu Cartão My Number (マイナンバーカード) na leitora",
		InsertNote: "Não é preciso digitar senha.",
		Privacy:    "Os dados do cartão não são guardados. Ao retirar o cartão, eles somem da tela.",

		Reading:     "Lendo o cartão…",
		ReadingNote: "Não mexa no cartão até terminar.",
		ReadingRest: "Lendo o restante…",

		TakeCard:     "Retire o seu cartão",
		TakeCardNote: "Não se esqueça do cartão.",

		NoReader:      "A leitora de cartão não está conectada",
		NoReaderNote:  "Avise um funcionário. A verificação começa sozinha quando a leitora for conectada.",
		NoService:     "A leitura de cartões não está funcionando no momento",
		NoServiceNote: "Avise um funcionário. A verificação começa sozinha quando voltar a funcionar.",
		Reconnecting:  "Reconectando a tela…",

		RetryHint: "Retire o cartão, confira o lado certo e coloque-o de novo.",
		StaffHint: "Se isso continuar acontecendo, avise um funcionário.",

		BadgeNotYetOpen: "Válido",
		BadgeOpen:       "Pode renovar",
		BadgeExpired:    "Vencido",
		BadgeError:      "Não foi possível verificar",
		WarningLabel:    "Atenção",

		TimelineTitle:  "Período de renovação e hoje",
		TimelineOpens:  "Início",
		TimelineExpiry: "Vencimento",
		TimelineToday:  "Hoje",

		OfficeTitle:   "Onde fazer o procedimento",
		OfficeExample: "Apenas um exemplo (os dados do guichê deste terminal ainda não foram configurados)",
		OfficeCounter: "Guichê",
		OfficeFloor:   "Local",
		OfficeHours:   "Horário",
		OfficePhone:   "Telefone",

		BadgeLocked:     "Senha bloqueada",
		BadgeLastTry:    "Senha: resta 1 tentativa",
		DecisionBy:      "Até quando",
		DecisionWhere:   "Onde",
		ByLastOfficeDay: " (último dia de atendimento do guichê)",
		ByExpiry:        " (dia do vencimento)",
		ExampleShort:    " (exemplo)",
		MoreBelow:       "Mais detalhes abaixo",
		BiggerText:      "Letras maiores",
		NormalText:      "Letras normais",
		TimelineBefore:  "Ainda não",
		TimelineAfter:   "Vencido",
		TouchToKeep:     "Para continuar lendo, toque na tela.",
		Details:         "Detalhes",
	},

	HelpKiosk: `Uso:
  jpkicheck kiosk [--listen 127.0.0.1:8080] [--office ARQUIVO] [--reader NOME] [--linger 60s] [--quick] [--browser]

Serve uma página em tela cheia para um computador no saguão da prefeitura. Ao
colocar o cartão, a resposta aparece na hora; ao retirá-lo, a tela é limpa.
Nenhuma senha é digitada, nenhum dado pessoal é lido e nada é guardado. Abra o
endereço mostrado num navegador em tela cheia (modo quiosque) ou deixe --browser
abrir um. Ctrl+C encerra.
Cada linha do log começa com a data e a hora; o log nunca registra as datas de
um morador.

Opções:
  --listen ENDEREÇO     endereço em que escutar (padrão 127.0.0.1:8080; um
                        endereço que outras máquinas alcançam exige --allow-lan)
  --allow-lan           permite um endereço que outras máquinas alcançam: a
                        página, a API e /metrics passam a exigir o token
                        mostrado ao iniciar
  --token-file ARQUIVO  lê esse token de ARQUIVO (o mesmo a cada reinício, para
                        monitoramento); sem ele, cada início cria um novo
  --browser             abre Chromium, Chrome ou Edge em tela cheia na página
                        quando ela estiver no ar, reabre se ele fechar e o
                        fecha ao encerrar
  --browser-path ARQUIVO o navegador que --browser abre
  --office ARQUIVO      dados do guichê (guichê, local, horário, telefone); sem
                        ele, a página mostra um exemplo, indicado como exemplo
  --reader NOME         usa só as leitoras cujo nome contém NOME
  --linger DURAÇÃO      por quanto tempo o resultado fica na tela antes de
                        "retire o seu cartão" (padrão 60s; sem a opção, o
                        reading_time do arquivo do guichê)
  --quick               lê só a validade; não verifica o emissor
  --lang LANG           primeiro idioma da página (padrão ja)
  --sim [PERFIL]        inicia com o cartão simulado embutido colocado
                        (demonstrações, testes)
  --trust-ca ARQUIVO    aceita também estes certificados de autoridade (PEM)
  --today AAAA-MM-DD    calcula como se fosse esse dia
  --months N            duração do período de renovação em meses (padrão 3)
  --trace               registra cada comando enviado ao cartão (nenhuma senha
                        é enviada)
  --json                mostra o endereço como objeto JSON (para scripts)

Exemplos:
  $ jpkicheck kiosk --office office.conf --browser
  $ jpkicheck kiosk --office office.conf --listen 0.0.0.0:8080 --allow-lan
`,
	HelpUI: `Uso:
  jpkicheck ui [--no-browser] [--reader NOME] [--quick] [--sim [PERFIL]]

Mostra a página do quiosque no seu próprio computador: inicia um servidor que só
este computador alcança, num endereço que muda a cada execução, e o abre no
navegador padrão. Ctrl+C encerra.

Opções:
  --no-browser          mostra o endereço em vez de abrir o navegador
  --reader NOME         usa só as leitoras cujo nome contém NOME
  --linger DURAÇÃO      por quanto tempo o resultado fica na tela antes de
                        "retire o seu cartão" (padrão 60s; sem a opção, o
                        reading_time do arquivo do guichê)
  --quick               lê só a validade; não verifica o emissor
  --lang LANG           primeiro idioma da página
  --sim [PERFIL]        usa o cartão simulado embutido em vez de uma leitora
  --trust-ca ARQUIVO    aceita também estes certificados de autoridade (PEM)
  --today AAAA-MM-DD    calcula como se fosse esse dia
  --months N            duração do período de renovação em meses (padrão 3)
  --trace               registra cada comando enviado ao cartão (nenhuma senha
                        é enviada)
  --json                mostra o endereço como objeto JSON (para scripts)

Exemplos:
  $ jpkicheck ui
  $ jpkicheck ui --sim expired
`,
	Listening: func(url string) string {
		return fmt.Sprintf("servindo a página do quiosque em %s (Ctrl+C para encerrar)", url)
	},
	ListenWarning: func(addr string) string {
		return fmt.Sprintf("AVISO: escutando em %s: outras máquinas da rede podem abrir esta página. "+
			"Para usar só no computador do saguão, use --listen 127.0.0.1:8080.", addr)
	},
	OpenBrowser: func(url string) string {
		return fmt.Sprintf("abrindo %s no navegador (Ctrl+C para encerrar)", url)
	},
	BrowserFailed: func(url string) string {
		return fmt.Sprintf("não foi possível abrir o navegador; abra este endereço: %s", url)
	},
	BadListen: func(addr, detail string) string {
		return fmt.Sprintf("não é possível escutar em --listen %s (%s). Exemplo: --listen 127.0.0.1:8080", addr, detail)
	},
	BadLinger: func(value string) string {
		return fmt.Sprintf("--linger %q deve ser uma duração de 0 ou mais. Exemplo: --linger 20s", value)
	},
	OfficeError: func(p OfficeProblem) string {
		switch p.Kind {
		case "unknown_field":
			if p.Suggest != "" {
				return fmt.Sprintf("o campo %q não existe (você quis dizer %q?)", p.Field, p.Suggest)
			}
			return fmt.Sprintf("o campo %q não existe (campos válidos: %s)", p.Field, p.Known)
		case "unknown_language":
			return fmt.Sprintf("idioma inválido em %q (use campo, campo.ja ou campo.en)", p.Field)
		case "missing_equals":
			return fmt.Sprintf("falta \"=\" depois de %q (escreva campo = valor)", p.Field)
		case "missing_key":
			return "falta o nome do campo antes de \"=\" (escreva campo = valor)"
		case "duplicate":
			return fmt.Sprintf("o campo %q aparece duas vezes (a primeira na linha %d)", p.Field, p.Other)
		case "empty_value":
			return fmt.Sprintf("o campo %q não tem valor (escreva um depois de \"=\" ou apague a linha)", p.Field)
		case "too_long":
			return fmt.Sprintf("o campo %q tem mais de %d caracteres", p.Field, p.Limit)
		case "control_char":
			return fmt.Sprintf("o campo %q contém um caractere de controle", p.Field)
		case "bad_utf8":
			return "o texto não está em UTF-8 (no Bloco de Notas: Salvar como, Codificação: UTF-8)"
		case "utf16":
			return "salvo em UTF-16 (no Bloco de Notas: Salvar como, Codificação: UTF-8)"
		case "too_big":
			return fmt.Sprintf("maior que %d KiB; um arquivo do guichê tem poucas linhas curtas", p.Limit)
		case "no_fields":
			return fmt.Sprintf("nenhum campo foi preenchido (campos válidos: %s)", p.Known)
		case "unreadable":
			return fmt.Sprintf("não foi possível ler o arquivo (%s)", p.Field)
		case "only_english":
			return fmt.Sprintf("%q está preenchido sem o texto em japonês (a tela em japonês ficaria em branco)", p.Field)
		case "bad_date":
			return fmt.Sprintf("%q em %q não é uma data (escreva AAAA-MM-DD, por exemplo 2027-03-27; várias separadas por vírgulas)", p.Value, p.Field)
		case "bad_range":
			return fmt.Sprintf("%q em %q não é um intervalo de dias (escreva INÍCIO..FIM, o dia mais cedo primeiro, no máximo %d dias)", p.Value, p.Field, p.Limit)
		case "open_and_closed":
			return fmt.Sprintf("%s está em %q aqui e na outra lista, na linha %d (um dia é de atendimento ou fechado, não os dois)", p.Value, p.Field, p.Other)
		case "too_many_dates":
			return fmt.Sprintf("mais de %d dias em open_days e closed_days", p.Limit)
		case "bad_setting":
			if p.Field == "voice" {
				return fmt.Sprintf("%q em %q não é on nem off", p.Value, p.Field)
			}
			return fmt.Sprintf("%q em %q não é um número de segundos de 1 a %d (por exemplo %s = 60)", p.Value, p.Field, p.Limit, p.Field)
		}
		return "linha ilegível"
	},
	ListenRefused: func(addr string) string {
		return fmt.Sprintf("recusado escutar em %s: outras máquinas da rede poderiam ver o resultado de cada morador. "+
			"Para usar só no computador do saguão, use --listen 127.0.0.1:8080; para servir outras máquinas de propósito, acrescente --allow-lan "+
			"(a página passa a exigir o token mostrado ao iniciar).", addr)
	},
	LANToken: func(url string) string {
		return fmt.Sprintf("outras máquinas da rede podem abrir esta página; ela exige o token: abra %s", url)
	},
	ClockWrong: func(now string) string {
		return fmt.Sprintf("O relógio deste computador marca %s, o que não pode estar certo. As respostas não são mostradas até a data "+
			"e a hora serem acertadas (funcionários: verifiquem o relógio e a sincronização de horário).", now)
	},
	NoBrowser: "--browser não encontrou Chromium, Google Chrome nem Microsoft Edge; instale um deles ou indique-o com --browser-path",
}
