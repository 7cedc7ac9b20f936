package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/jpkicheck/jpkicheck/internal/report"
)

// version is stamped by the release build (-ldflags "-X main.version=…");
// a plain "go build" falls back to the module version Go recorded.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// versionFlags: -v adds the module versions and build settings.
type versionFlags struct{ verbose bool }

func newVersionFlags(c *cli, fs *flagSet) *versionFlags {
	f := &versionFlags{}
	fs.BoolVar(&f.verbose, "v", false, "")
	return f
}

func runVersion(ctx context.Context, c *cli, f *versionFlags, _ []string) (int, error) {
	fmt.Fprintf(c.stdout, "jpkicheck %s (%s, %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if f.verbose {
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, m := range bi.Deps {
				v := m.Version
				if m.Replace != nil {
					v += " => " + m.Replace.Path + " " + m.Replace.Version
				}
				fmt.Fprintf(c.stdout, "  %s %s %s\n", m.Path, v, m.Sum)
			}
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.time" || s.Key == "vcs.modified" || s.Key == "CGO_ENABLED" {
					fmt.Fprintf(c.stdout, "  %s=%s\n", s.Key, s.Value)
				}
			}
		}
	}
	return report.ExitOK, nil
}
