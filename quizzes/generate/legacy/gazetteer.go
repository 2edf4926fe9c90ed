package legacy

import "strings"

// The small built-in lists below type names the tagger cannot (is "Georgia"
// a place? is "Reuters" an outlet?) and supply wrong choices when an article
// has too few names of a kind. They are deliberately short: common, well
// known names only.

var countries = list("Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|Bangladesh|Belarus|Belgium|Bolivia|Brazil|Bulgaria|Cambodia|Canada|Chile|China|Colombia|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Egypt|England|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|Korea|Latvia|Lebanon|Libya|Lithuania|Malaysia|Mexico|Mongolia|Morocco|Nepal|Netherlands|New Zealand|Nigeria|North Korea|Norway|Pakistan|Peru|Philippines|Poland|Portugal|Romania|Russia|Saudi Arabia|Scotland|Serbia|Singapore|Slovakia|South Africa|South Korea|Soviet Union|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Thailand|Turkey|Ukraine|United Kingdom|United States|Uruguay|Venezuela|Vietnam|Wales|Yemen|Zimbabwe|America|Britain|USSR|US|UK|Europe|Asia|Africa")

var cities = list("Amsterdam|Athens|Baghdad|Bangkok|Barcelona|Beijing|Berlin|Boston|Brussels|Budapest|Cairo|Chicago|Delhi|Dublin|Edinburgh|Geneva|Hamburg|Havana|Istanbul|Jerusalem|Kabul|Kyiv|Kiev|Lisbon|London|Los Angeles|Madrid|Manchester|Manhattan|Melbourne|Mexico City|Milan|Moscow|Mumbai|Munich|Naples|New York|New York City|Oxford|Cambridge|Paris|Philadelphia|Prague|Pyongyang|Rome|San Francisco|Seoul|Shanghai|Singapore|Stockholm|Sydney|Tehran|Tokyo|Toronto|Venice|Vienna|Warsaw|Washington|Uppsala|Newark|Leningrad|St. Petersburg|Saint Petersburg|Kazan")

var firstNames = list("Adam|Alan|Albert|Alexander|Alfred|Alice|Andrew|Anna|Anne|Anthony|Arthur|Barbara|Benjamin|Bill|Carl|Catherine|Charles|Charlotte|Christopher|Daniel|David|Edward|Elizabeth|Emily|Emma|Frank|Frederick|George|Grace|Gregory|Harold|Harry|Helen|Henry|Hugh|Ivan|Jack|Jacob|James|Jane|Jean|John|Joseph|Julia|Karl|Katherine|Laura|Leo|Leon|Leonid|Louis|Margaret|Maria|Mark|Martin|Mary|Michael|Mikhail|Nicholas|Nikolai|Nikita|Oliver|Paul|Peter|Philip|Richard|Robert|Samuel|Sarah|Sergei|Stefan|Stephen|Steven|Thomas|Vladimir|Walter|William|Joseph|Josef|Franklin|Theodore|Ronald|Donald|Barack|Winston|Napoleon|Otto|Friedrich|Johann|Wolfgang|Ludwig|Isaac|Charles|Marie|Sophie|Olga|Tatiana|Boris|Dmitry|Yuri|Christian|Julian|Adrian|Brian|Vivian|Lillian|Marian|Damian|Sebastian|Fabian|Maximilian|Florian|Kristian")

var universities = []string{"Harvard University", "Stanford University", "Columbia University", "University of Oxford", "Yale University"}

var outlets = list("Reuters|Associated Press|BBC|CNN|The Hill|The Guardian|The New York Times|The Washington Post|Bloomberg|Politico|The Economist|Financial Times|Al Jazeera|Newsweek|Time")

var months = list("January|February|March|April|May|June|July|August|September|October|November|December")

// personTitles precede a person's name.
var personTitles = set("mr mrs ms dr prof professor president king queen prince princess emperor empress tsar czar " +
	"pope saint st sir lord lady general gen colonel captain admiral senator governor mayor minister chancellor " +
	"archbishop bishop cardinal father rev justice judge chairman ceo director leader premier secretary ambassador " +
	"economist analyst researcher scientist historian author writer poet composer singer actor actress")

// roleNouns name what a person is or does; "Which professor ...?" asks by them.
var roleNouns = set("professor economist analyst researcher scientist historian author writer poet composer " +
	"president king queen emperor minister chancellor senator governor mayor general commander officer " +
	"archbishop bishop priest pope leader chairman director founder editor journalist reporter lawyer judge " +
	"engineer architect artist painter singer musician actor player coach explorer inventor philosopher " +
	"mathematician physicist chemist biologist doctor physician spokesman spokeswoman expert official diplomat")

// orgWords make a capitalised run an organisation.
var orgWords = set("university college institute institution school academy company corporation corp inc ltd " +
	"group party army navy council church agency service services committee association society ministry " +
	"department bank commission union federation league club foundation museum court congress parliament " +
	"senate assembly records press times post news journal library organization organisation office " +
	"bureau board brotherhood order force forces guard team network station fund authority administration " +
	"research capital partners holdings labs laboratory laboratories systems technologies studios media motors " +
	"airlines airways energy analytics consulting insights pharmaceuticals")

// placeWords make a capitalised run a place.
var placeWords = set("river lake mountain mountains mount sea ocean island islands county city state province " +
	"region valley street avenue bay peninsula desert kingdom republic empire coast gulf strait canyon forest " +
	"park square district village town heights hills plateau basin complex centre center mall plaza terminal")

// notNames are capitalised at the start of a sentence but never begin a name.
var notNames = set("the a an this that these those it its he she they we i you his her their our in on at " +
	"however although but and or as if when while after before during since because many some most both " +
	"each every all one two three neither either none moreover meanwhile similarly according there here despite between among")

func list(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		m[w] = true
	}
	return m
}
