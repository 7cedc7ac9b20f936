package rig

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jpkicheck/jpkicheck/internal/syncbuf"
)

// Page is a running `jpkicheck kiosk` or `jpkicheck ui` against the rig:
// the address it printed, its log, and a stop that is Ctrl+C.
type Page struct {
	Cmd    *exec.Cmd
	URL    string          // the first line it printed, e.g. http://127.0.0.1:PORT/
	Stderr *syncbuf.Buffer // its log, readable while it runs
	stop   func() int
}

// StartPage runs bin with args (a kiosk or ui command) against the rig's
// daemon, with env added, and waits for the address it prints first. The
// page is stopped with SIGINT when the test ends (its log is shown if the
// test failed); a page that ignores SIGINT for 10 s fails the test.
func (r *Rig) StartPage(t testing.TB, bin string, env []string, args ...string) *Page {
	t.Helper()
	p := &Page{Cmd: r.Command(bin, args...), Stderr: &syncbuf.Buffer{}}
	p.Cmd.Env = append(p.Cmd.Env, env...)
	p.Cmd.Stderr = p.Stderr
	stdout, err := p.Cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { p.Cmd.Wait(); close(exited) }()
	var once sync.Once
	code := 0
	p.stop = func() int {
		once.Do(func() {
			p.Cmd.Process.Signal(syscall.SIGINT)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				t.Errorf("%s ignored SIGINT for 10 s", strings.Join(args, " "))
				p.Cmd.Process.Kill()
				<-exited
			}
			code = p.Cmd.ProcessState.ExitCode()
		})
		return code
	}
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("%s log:\n%s", strings.Join(args, " "), p.Stderr.String())
		}
	})
	out := bufio.NewReader(stdout)
	line, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("%s printed no address: %v\n%s", strings.Join(args, " "), err, p.Stderr.String())
	}
	p.URL = strings.TrimSpace(line)
	go io.Copy(io.Discard, out)
	return p
}

// Stop ends the page as Ctrl+C does and returns its exit code; calling it
// again returns the same code.
func (p *Page) Stop() int { return p.stop() }

// StatusJSON fetches the page's /api/status as it is sent.
func (p *Page) StatusJSON(t testing.TB, client *http.Client) []byte {
	t.Helper()
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := client.Get(p.URL + "api/status")
	if err != nil {
		t.Fatalf("GET /api/status: %v", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/status: %s %v", resp.Status, err)
	}
	return data
}
