package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quiztrainer/assets"
	"quiztrainer/quizzes/generate"
)

// cli runs the program with args and returns its exit code and output.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestGenerateJSONKeepsTheContract(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte(assets.SampleArticle), 0o644)
	code, out, errOut := cli(t, "", "generate", "--format", "json", "--max", "5", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var qs []struct {
		Kind     string `json:"kind"`
		Prompt   string `json:"prompt"`
		Evidence struct {
			Start, End int
			Text       string
		} `json:"evidence"`
		Template string  `json:"template"`
		Score    float64 `json:"score"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(qs) == 0 || len(qs) > 5 {
		t.Fatalf("%d questions, want 1 to 5", len(qs))
	}
	for _, q := range qs {
		if q.Evidence.Text != assets.SampleArticle[q.Evidence.Start:q.Evidence.End] {
			t.Errorf("evidence %q is not the input's bytes %d:%d", q.Evidence.Text, q.Evidence.Start, q.Evidence.End)
		}
		if q.Kind == "" || q.Prompt == "" || q.Template == "" {
			t.Errorf("incomplete question %+v", q)
		}
	}
}

func TestGenerateBatchAnswersEveryLineInOrder(t *testing.T) {
	in := `{"id":"a","text":"Marie Curie won the Nobel Prize in 1903. She was born in Warsaw."}` + "\n" + `{"id":"b","text":""}` + "\n"
	code, out, errOut := cli(t, in, "generate", "--batch")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":"a"`) || !strings.HasPrefix(lines[1], `{"id":"b"`) {
		t.Errorf("batch output lines = %q", lines)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "q.db")
	good := filepath.Join(dir, "good.gift")
	os.WriteFile(good, []byte("::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\nThe sun is a star. {T}\n"), 0o644)
	bad := filepath.Join(dir, "bad.gift")
	os.WriteFile(bad, []byte("Fine {T}\n\nBroken {=a ~b\n"), 0o644)

	code, out, _ := cli(t, "", "import", "--db", dbPath, "--dry-run", "--json", good)
	if code != 0 || !strings.Contains(out, `"prompt": "What is the capital of France?"`) {
		t.Errorf("dry run: exit %d, output %s", code, out)
	}
	if _, err := os.Stat(dbPath); err == nil {
		t.Error("a dry run created the database")
	}
	code, _, errOut := cli(t, "", "import", "--db", dbPath, bad)
	if code == 0 || !strings.Contains(errOut, "bad.gift:3:") || !strings.Contains(errOut, "nothing imported") {
		t.Errorf("bad file: exit %d, stderr %q; want non-zero naming line 3", code, errOut)
	}
	code, out, errOut = cli(t, "", "import", "--db", dbPath, good)
	if code != 0 || !strings.Contains(out, "imported 2 questions") {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	code, out, _ = cli(t, "", "export", "--db", dbPath, "--quiz", "1", "--format", "gift")
	if code != 0 || !strings.Contains(out, "capital of France") {
		t.Errorf("export: exit %d, %s", code, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := cli(t, "", "backup", "--db", dbPath, backup); code != 0 {
		t.Errorf("backup: exit %d: %s", code, errOut)
	}
	code, out, _ = cli(t, "", "export", "--db", backup, "--quiz", "1", "--format", "json")
	if code != 0 || !strings.Contains(out, "capital of France") {
		t.Errorf("the backup does not hold the quiz: exit %d", code)
	}
}

func TestUserAdd(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := cli(t, "a long password\n", "user", "add", "--db", dbPath, "--username", "ada", "--password-stdin", "--admin")
	if code != 0 || !strings.Contains(out, `added admin "ada"`) {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if code, _, errOut := cli(t, "another password\n", "user", "add", "--db", dbPath, "--username", "ADA", "--password-stdin"); code == 0 || !strings.Contains(errOut, "taken") {
		t.Errorf("duplicate username: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "short\n", "user", "add", "--db", dbPath, "--username", "bo", "--password-stdin"); code == 0 || !strings.Contains(errOut, "10 characters") {
		t.Errorf("short password: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "", "user", "add", "--db", dbPath, "--username", "bo"); code != 2 {
		t.Errorf("without --password-stdin: exit %d, want 2", code)
	}
}

func TestUnknownCommandAndVersion(t *testing.T) {
	if code, _, errOut := cli(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d %q", code, errOut)
	}
	if code, out, _ := cli(t, "", "version"); code != 0 || !strings.Contains(out, "quiztrainer") {
		t.Errorf("version: exit %d %q", code, out)
	}
}

func TestGenerateGIFTImportsBack(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte(assets.SampleArticle), 0o644)
	code, out, errOut := cli(t, "", "generate", "--format", "gift", "--max", "8", article)
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	gift := filepath.Join(dir, "q.gift")
	os.WriteFile(gift, []byte(out), 0o644)
	code, _, errOut = cli(t, "", "import", "--dry-run", gift)
	if code != 0 || !strings.Contains(errOut, "8 questions read as Moodle GIFT") {
		t.Errorf("the generated GIFT does not import back: exit %d, %s", code, errOut)
	}
}

func TestServeRefusesATrustedProxyThatIsNotAnAddress(t *testing.T) {
	code, _, errOut := cli(t, "", "serve", "--db", filepath.Join(t.TempDir(), "q.db"), "--trusted-proxy", "10.0.0.0/33")
	if code != 2 || !strings.Contains(errOut, `trusted proxy "10.0.0.0/33" is not an address or CIDR range`) {
		t.Errorf("exit %d, stderr %q; want 2 with a message naming the bad entry", code, errOut)
	}
}

func TestGeneratePrintsTheTeachersDraftUnlessAll(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte(assets.SampleArticle), 0o644)
	gen, err := generate.ForTeachers()
	if err != nil {
		t.Fatal(err)
	}
	prompts := func(out string) []string {
		t.Helper()
		var qs []struct {
			Prompt string `json:"prompt"`
		}
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		var ps []string
		for _, q := range qs {
			ps = append(ps, q.Prompt)
		}
		return ps
	}
	var want []string
	for _, q := range gen.Draft(assets.SampleArticle, generate.DraftQuestions) {
		want = append(want, q.Prompt)
	}
	code, out, errOut := cli(t, "", "generate", "--format", "json", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := prompts(out); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("generate printed\n%s\nwant the teacher's draft\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	code, out, errOut = cli(t, "", "generate", "--format", "json", "--max", "4", article)
	if got := prompts(out); code != 0 || len(got) != 4 {
		t.Errorf("--max 4: exit %d, %d questions, want a draft of 4 (%s)", code, len(got), errOut)
	}
	code, out, errOut = cli(t, "", "generate", "--format", "json", "--all", article)
	if got := prompts(out); code != 0 || len(got) <= len(want) {
		t.Errorf("--all: exit %d, %d questions, want every candidate, more than the draft's %d (%s)", code, len(got), len(want), errOut)
	}
}

func TestGenerateEngineChoosesTheQuestionWriter(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte(assets.SampleArticle), 0o644)
	tree, err := generate.NewEngine(generate.Tree)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, q := range tree.Draft(assets.SampleArticle, generate.DraftQuestions) {
		want = append(want, q.Prompt)
	}
	code, out, errOut := cli(t, "", "generate", "--engine", "tree", "--format", "json", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var qs []struct {
		Prompt string `json:"prompt"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.Prompt)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("--engine tree printed\n%s\nwant the tree pipeline's draft\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	code, _, errOut = cli(t, "", "generate", "--engine", "neural", article)
	if code != 2 || !strings.Contains(errOut, `--engine "neural": choose rules or tree`) {
		t.Errorf("exit %d, stderr %q; want 2 naming the unknown engine", code, errOut)
	}
}

func TestUserAddRefusesACommonPassword(t *testing.T) {
	code, _, errOut := cli(t, "password1234\n", "user", "add", "--db", filepath.Join(t.TempDir(), "q.db"), "--username", "ada", "--password-stdin")
	if code != 2 || !strings.Contains(errOut, "list of common passwords") {
		t.Errorf("exit %d, stderr %q; want 2 with a message", code, errOut)
	}
}
