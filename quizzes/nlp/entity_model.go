package nlp

import (
	_ "embed"
	"sync"
)

// The entity model shipped in the binary, built by `go run ./cmd/nlptrain`
// from GUM's training documents (see DefaultEntityTraining).
//
//go:embed models/entities.model
var entityModelFile []byte

// EntityModelFile is where the shipped entity model lives, relative to the
// repository root.
const EntityModelFile = "quizzes/nlp/models/entities.model"

var loadEntities = sync.OnceValues(func() (*EntityModel, error) {
	return LoadEntityModel(entityModelFile)
})

// DefaultEntityModel returns the shipped entity model, read once.
func DefaultEntityModel() (*EntityModel, error) { return loadEntities() }

// DefaultEntityTraining is how the shipped entity model is trained: GUM's
// train split, the passes chosen on its dev split, a fixed seed. dir is
// the treebank folder (TreebankDir from the repository root).
func DefaultEntityTraining(dir string) EntityTraining {
	return EntityTraining{
		Train:      TreebankPath(dir, "gum", "train"),
		Dev:        TreebankPath(dir, "gum", "dev"),
		Iterations: 6,
		Seed:       1,
	}
}
