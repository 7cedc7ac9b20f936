//go:build !windows

package main

import "github.com/jpkicheck/jpkicheck/internal/report"

// systemLang is the language when LC_ALL, LC_MESSAGES and LANG are all
// unset. On Unix that means the C locale, which is English.
func systemLang() report.Lang { return report.En }
