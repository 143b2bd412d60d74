package realdav

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// stopGrace is how long a stopped process may take to exit before its
// process group is killed.
const stopGrace = 10 * time.Second

// proc is one long-running server process this package started, in a
// process group of its own (Setpgid), so that stopping it also ends the
// workers it forked (php -S workers, postgres backends) and nothing else.
type proc struct {
	name string
	cmd  *exec.Cmd
	log  string        // file holding the process's stdout and stderr
	done chan struct{} // closed when Wait returned
	err  error         // Wait's result, valid after done
	// stopSig is sent to the leader first (postgres: SIGINT, a fast
	// shutdown that lets the postmaster end its backends itself); the
	// default SIGTERM goes to the whole group.
	stopSig syscall.Signal
}

// procSpec describes a process to start.
type procSpec struct {
	name    string   // short name for errors and the log file
	path    string   // executable
	args    []string // arguments, without the executable
	dir     string   // working directory, "" for the current one
	env     []string // added to os.Environ()
	logDir  string   // where <name>.log goes
	cred    *syscall.Credential
	stopSig syscall.Signal // 0: SIGTERM to the group
}

// startProc starts spec in a new process group and waits for it in the
// background, so it never becomes a zombie.
func startProc(spec procSpec) (*proc, error) {
	logPath := filepath.Join(spec.logDir, spec.name+".log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("realdav: %s: open log: %w", spec.name, err)
	}
	cmd := exec.Command(spec.path, spec.args...)
	cmd.Dir = spec.dir
	cmd.Env = append(os.Environ(), spec.env...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Credential: spec.cred}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("realdav: start %s: %w", spec.name, err)
	}
	logFile.Close() // the child has its own copy
	p := &proc{name: spec.name, cmd: cmd, log: logPath, done: make(chan struct{}), stopSig: spec.stopSig}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// exitError describes an early exit with the tail of the process's log.
func (p *proc) exitError() error {
	return fmt.Errorf("realdav: %s exited early (%v); log %s:\n%s", p.name, p.err, p.log, tail(p.log, 2000))
}

// stop ends the process and every process still in its group, and waits
// for the leader. The group id is the leader's pid (Setpgid), so only
// processes this package started are signalled.
func (p *proc) stop() error {
	if p.exited() {
		p.killGroup(syscall.SIGKILL) // stray workers, if any
		return nil
	}
	pgid := p.cmd.Process.Pid
	if p.stopSig != 0 {
		_ = p.cmd.Process.Signal(p.stopSig)
	} else {
		p.killGroup(syscall.SIGTERM)
	}
	select {
	case <-p.done:
		p.killGroup(syscall.SIGKILL) // workers that outlived the leader
		return nil
	case <-time.After(stopGrace):
	}
	p.killGroup(syscall.SIGKILL)
	select {
	case <-p.done:
		return fmt.Errorf("realdav: %s (pid %d) ignored its stop signal and was killed", p.name, pgid)
	case <-time.After(5 * time.Second):
		return fmt.Errorf("realdav: %s (pid %d) did not exit after SIGKILL", p.name, pgid)
	}
}

// killGroup signals the process group this proc leads; ESRCH (group
// already gone) is ignored.
func (p *proc) killGroup(sig syscall.Signal) {
	if err := syscall.Kill(-p.cmd.Process.Pid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		_ = p.cmd.Process.Signal(sig)
	}
}

// tail returns the last n bytes of the file at path (for error messages).
func tail(path string, n int64) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > n {
		_, _ = f.Seek(-n, io.SeekEnd)
	}
	b := make([]byte, n)
	k, _ := f.Read(b)
	return string(b[:k])
}

// runCmd runs a short command to completion, with its output appended to
// logDir/<name>.log; a failure carries the log's tail.
func runCmd(spec procSpec) error {
	p, err := startProc(spec)
	if err != nil {
		return err
	}
	select {
	case <-p.done:
	case <-time.After(2 * time.Minute):
		_ = p.stop()
		return fmt.Errorf("realdav: %s timed out; log %s:\n%s", spec.name, p.log, tail(p.log, 2000))
	}
	if p.err != nil {
		return fmt.Errorf("realdav: %s: %w; log %s:\n%s", spec.name, p.err, p.log, tail(p.log, 2000))
	}
	return nil
}
