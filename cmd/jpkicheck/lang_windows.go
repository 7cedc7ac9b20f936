package main

import (
	"github.com/jpkicheck/jpkicheck/internal/report"
	"golang.org/x/sys/windows"
)

// systemLang reads the Windows display language, because Windows residents
// rarely have LANG set: a Japanese Windows should get Japanese output.
func systemLang() report.Lang {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return report.En
	}
	if l, err := report.ParseLang(langs[0]); err == nil {
		return l
	}
	return report.En
}
