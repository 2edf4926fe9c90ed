// Package views holds quiztrainer's pages as templ components and the
// view models they take.
package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"quiztrainer/quizzes"
)

// Page is what every page shares: its title, the CSRF token for its forms
// and the student, when known.
type Page struct {
	Title   string
	CSRF    string
	Student *quizzes.Student
	Teacher *quizzes.User
	Notice  string // a one-line message shown above the content
}

// QuizCard is a quiz as listed on the home page.
type QuizCard struct {
	Title     string
	Slug      string
	Questions int
	LastScore string // "7/10 (70%)" of the student's latest finished attempt
}

// HomePage lists the quizzes students can take: their class's first, then
// the ones for everyone.
type HomePage struct {
	Page
	Quizzes []QuizCard
	Class   *ClassSection // nil when the student is in no class
	Join    JoinForm
}

// ClassSection is the student's class on the home page.
type ClassSection struct {
	Name    string
	Quizzes []QuizCard
}

// JoinForm is the home page's form to join a class by its code.
type JoinForm struct {
	Code      string
	Error     string
	AskName   bool // the student is new: ask for a display name
	Name      string
	NameError string
}

// QuizIntroPage introduces a quiz and asks for a name or starts an attempt.
type QuizIntroPage struct {
	Page
	Quiz      quizzes.Quiz
	Article   *quizzes.Article
	Attempts  []quizzes.Attempt
	CanStart  bool
	Resume    int64 // id of an unfinished attempt, if any
	NameError string
}

// ChoiceView is an option of a question as shown to the student.
type ChoiceView struct {
	ID      int64
	Text    string
	Checked bool
	Correct bool
}

// QuestionView is one question of an attempt with the student's answer.
type QuestionView struct {
	Number       int
	Question     quizzes.Question
	Choices      []ChoiceView // in the order shown
	Given        string       // the typed answer for text kinds
	Answered     bool
	Draft        bool // shows what the student sent, not what is stored
	Locked       bool // answered with feedback shown: no more changes
	ShowFeedback bool
	Outcome      quizzes.Outcome
	Error        string
	MatchLeft    []string
	MatchOptions []string
	MatchGiven   []string
	Keys         string
	EvidenceID   string
	Static       *QuestionStatic // the parts rendered once; made when nil
}

// AttemptPage is the article beside the questions of an open attempt.
type AttemptPage struct {
	Page
	Quiz      quizzes.Quiz
	Attempt   quizzes.Attempt
	Article   *ArticleView
	Questions []QuestionView
	Answered  int
	Deadline  time.Time
	AutoSave  bool // answers may be saved as the student types: they can still change
}

// ClosedPage answers an answer sent to an attempt that is handed in.
type ClosedPage struct {
	Page
	Quiz      quizzes.Quiz
	ResultURL string
	Late      bool // the time ran out
}

// ReviewItem is one question on the result page.
type ReviewItem struct {
	Number     int
	Question   quizzes.Question
	Given      string
	Keys       string
	Outcome    quizzes.Outcome
	Answered   bool
	EvidenceID string
	MarkURL    string // where the teacher posts a mark for this answer (essays)
}

// ResultPage shows the score of a finished attempt and every question again.
type ResultPage struct {
	Page
	Quiz    quizzes.Quiz
	Attempt quizzes.Attempt
	Article *ArticleView
	Items   []ReviewItem
	Correct int
	// StudentName and BackURL are set when a teacher reads the attempt.
	StudentName string
	BackURL     string
}

// HistoryPage lists a student's attempts.
type HistoryPage struct {
	Page
	Rows []HistoryRow
}

// HistoryRow is one attempt in a student's history.
type HistoryRow struct {
	QuizTitle string
	Attempt   quizzes.Attempt
}

// ErrorPage explains what went wrong without internals.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// Points prints a score without needless decimals.
func Points(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// ScoreLine is "7 / 10 points (70%)".
func ScoreLine(a quizzes.Attempt) string {
	return fmt.Sprintf("%s / %s points (%d%%)", Points(a.Score), Points(a.MaxScore), a.Percent())
}

// AttemptURL is the page of an attempt.
func AttemptURL(id int64) string { return "/attempt/" + strconv.FormatInt(id, 10) }

// ReviewURL is the page where a student checks an attempt before handing it in.
func ReviewURL(id int64) string { return fmt.Sprintf("/attempt/%d/review", id) }

// HandInURL is where an attempt is handed in.
func HandInURL(id int64) string { return fmt.Sprintf("/attempt/%d/hand-in", id) }

// ResultURL is the result page of an attempt.
func ResultURL(id int64) string { return fmt.Sprintf("/attempt/%d/result", id) }

func questionAnchor(n int) string { return "q" + strconv.Itoa(n) }

func fieldID(q *QuestionView, suffix string) string {
	return "q" + strconv.Itoa(q.Number) + "-" + suffix
}

// TeacherQuizURL is the teacher's page of a quiz.
func TeacherQuizURL(id int64) string { return fmt.Sprintf("/teach/quiz/%d", id) }

// AnswerField is the form field of the answer to a question: every
// question of a page travels in one form, each under its own name.
func AnswerField(questionID int64) string { return "a" + strconv.FormatInt(questionID, 10) }

// MatchField is the form field of a matching question's choices, one value
// per left-hand item in order.
func MatchField(questionID int64) string { return "m" + strconv.FormatInt(questionID, 10) }
