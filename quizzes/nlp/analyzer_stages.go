package nlp

import "fmt"

// The two stages after parsing: entity mentions (entity.go) and the
// references between them (reference.go), each with its own model.

// entityFile and referenceFile are their model files under models/.
const (
	entityFile    = "entities.model"
	referenceFile = "references.model"
)

// loadEntityStages reads the entity and reference models from open when it
// has them (a fresh training run), else takes the shipped ones.
func (a *Analyzer) loadEntityStages(open func(name string) ([]byte, error)) error {
	var err error
	if b, e := open(entityFile); e == nil {
		a.entities, err = LoadEntityModel(b)
	} else {
		a.entities, err = DefaultEntityModel()
	}
	if err != nil {
		return fmt.Errorf("nlp: model %s: %w", entityFile, err)
	}
	if b, e := open(referenceFile); e == nil {
		a.references, err = LoadReferenceModel(b)
	} else {
		a.references, err = DefaultReferenceModel()
	}
	if err != nil {
		return fmt.Errorf("nlp: model %s: %w", referenceFile, err)
	}
	return nil
}

// findEntities fills d.Mentions: typed entity mentions over parsed
// sentences.
func (a *Analyzer) findEntities(d *Document) { a.entities.Entities(d) }

// resolveReferences fills d.Chains and each mention's Chain: which
// pronouns and short names stand for which entity.
func (a *Analyzer) resolveReferences(d *Document) { a.references.References(d) }
