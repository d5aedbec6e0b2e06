/**
 * How the reader treats each TEI element in the text. One table, so the
 * decisions are in one place and easy to review:
 *
 * - `structure`: holds units but no running text of its own (`div`, `list`,
 *   `lg`'s parent, `opener`); text found directly in it still forms a unit;
 * - `block`: one unit of the readings (`p`, `head`, `item`, `byline`);
 * - `flex`: a unit where its parent is a `structure` (a `bibl` or `quote`
 *   standing between paragraphs), running text elsewhere (a `bibl` in a `p`);
 * - `inline`: running text, read through (`hi`, `persName`, `foreign`, `w`);
 * - `milestone`: an empty marker that adds no text (`pb`, `cb`, `anchor`),
 *   but joins a word with `break="no"`;
 * - `aside`: text that belongs to no reading (`fw`: running heads and page
 *   numbers; `figDesc`: an editor's description); left out with an `info` diagnostic;
 * - `outside`: not the text at all (`teiHeader`, `standOff`, `facsimile`).
 *
 * The elements with rules of their own (`choice`, `app`, `note`, `lb`, `gap`,
 * `del`, `supplied`, …) are handled by name in walk-text.ts. An element that is
 * not in TEI P5 at all is read as inline text, with an `info` diagnostic.
 */

export type Role = 'structure' | 'block' | 'flex' | 'inline' | 'milestone' | 'aside' | 'outside';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const ROLES = new Map<string, Role>();
const assign = (role: Role, names: string): void => {
  for (const n of words(names)) ROLES.set(n, role);
};

assign(
  'structure',
  'TEI teiCorpus TEI.2 text front body back group div div1 div2 div3 div4 div5 div6 div7 list listBibl table row sp spGrp ' +
    'opener closer titlePage docTitle figure floatingText epigraph argument postscript castList castGroup performance set ' +
    'prologue epilogue listPerson listPlace listOrg listEvent listRelation listNym listObject divGen',
);
assign(
  'block',
  'p ab head item cell byline dateline salute signed trailer docImprint docEdition titlePart speaker u entry entryFree ' +
    'superEntry headItem headLabel imprimatur meeting caption lg l castItem incipit explicit colophon rubric finalRubric',
);
assign('flex', 'stage label bibl biblStruct biblFull quote cit docAuthor docDate address said q');
assign('milestone', 'pb cb gb milestone anchor handShift lacunaStart lacunaEnd witStart witEnd caesura addSpan damageSpan delSpan');
assign(
  'aside',
  'fw figDesc desc interp interpGrp span spanGrp link linkGrp join joinGrp alt altGrp timeline witDetail listWit wit ' +
    'sourceDoc certainty precision respons index',
);
assign('outside', 'teiHeader standOff facsimile fsdDecl xenoData');

export function roleOf(local: string): Role {
  return ROLES.get(local) ?? 'inline';
}

/** Why an `aside` element is not read: said once per element name in the diagnostic. */
export const ASIDE_REASONS: ReadonlyMap<string, string> = new Map([
  ['fw', 'forme work (running heads, page numbers, catchwords) is not part of the text'],
  ['figDesc', "an editor's description of a figure is not text of the source"],
  ['desc', 'a description is not text of the source'],
  ['sourceDoc', 'genetic (document-based) transcriptions are not read; teikit reads the text element'],
  ['listWit', 'a witness list is read into metadata.witnesses only in the header'],
]);

/** Elements that name a person, organisation or place: each is a mention in `entities`. */
export const NAME_ELEMENTS: ReadonlySet<string> = new Set(words('persName orgName placeName geogName name rs settlement region country bloc district'));

/** Every element of TEI P5 4.11.0 (from tei_all.rng), to tell a TEI element the reader has no rule for from one that is not TEI. */
export const TEI_ELEMENT_NAMES: ReadonlySet<string> = new Set(
  `
  TEI ab abbr abstract accMat acquisition activity actor add addName addSpan additional additions addrLine
  address adminInfo affiliation age alt altGrp altIdent altIdentifier alternate am analytic anchor
  annotation annotationBlock anyElement app appInfo application arc argument att attDef attList attRef
  author authority availability back bibl biblFull biblScope biblStruct bicond binary binaryObject binding
  bindingDesc birth bloc body broadcast byline c cRefPattern caesura calendar calendarDesc camera caption
  case castGroup castItem castList catDesc catRef catchwords category cb cell certainty change channel
  char charDecl choice cit citeData citeStructure citedRange cl classCode classDecl classRef classSpec
  classes climate closer code collation collection colloc colophon cond condition constitution constraint
  constraintDecl constraintSpec content conversion corr correction correspAction correspContext
  correspDesc country creation custEvent custodialHist damage damageSpan dataFacet dataRef dataSpec
  datatype date dateline death decoDesc decoNote def default defaultVal del delSpan depth derivation desc
  dictScrap dim dimensions distinct distributor district div div1 div2 div3 div4 div5 div6 div7 divGen
  docAuthor docDate docEdition docImprint docTitle domain eLeaf eTree edition editionStmt editor
  editorialDecl education eg elementRef elementSpec ellipsis email emph empty encodingDesc entry entryFree
  epigraph epilogue equipment equiv etym event eventName ex exemplum expan explicit extent f fDecl fDescr
  fLib facsimile factuality faith figDesc figure fileDesc filiation finalRubric floatingText floruit
  foliation foreign forename forest form formula front fs fsConstraints fsDecl fsDescr fsdDecl fsdLink
  funder fvLib fw g gap gb gen genName gender geo geoDecl geogFeat geogName gi gloss glyph gram gramGrp
  graph graphic group handDesc handNote handNotes handShift head headItem headLabel height heraldry hi
  history hom hyph hyphenation iNode iType ident idno if iff imprimatur imprint incident incipit index
  institution interaction interp interpGrp interpretation item join joinGrp keywords kinesic l label
  lacunaEnd lacunaStart lang langKnowledge langKnown langUsage language layout layoutDesc lb lbl leaf lem
  lg licence line link linkGrp list listAnnotation listApp listBibl listChange listEvent listForest
  listNym listObject listOrg listPerson listPlace listPrefixDef listRef listRelation listTranspose listWit
  localProp locale location locus locusGrp m macroRef macroSpec mapping material measure measureGrp media
  meeting memberOf mentioned metDecl metSym metamark milestone mod model modelGrp modelSequence moduleRef
  moduleSpec monogr mood move msContents msDesc msFrag msIdentifier msItem msItemStruct msName msPart
  musicNotation name nameLink namespace nationality node normalization notatedMusic note noteGrp notesStmt
  num number numeric nym oRef object objectDesc objectIdentifier objectName objectType occupation offset
  opener org orgName orig origDate origPlace origin orth outputRendition p pRef param paramList paramSpec
  particDesc path pause pb pc per performance persName persPronouns person personGrp persona phr physDesc
  place placeName population pos post postBox postCode postscript precision prefixDef preparedness
  principal profileDesc projectDesc prologue pron provenance ptr pubPlace publicationStmt publisher
  punctuation purpose q quotation quote rb rdg rdgGrp re recordHist recording recordingStmt redo ref
  refState refsDecl reg region relatedItem relation remarks rendition repository residence resp respStmt
  respons restore retrace revisionDesc rhyme role roleDesc roleName root row rs rt rubric ruby s said
  salute samplingDecl schemaRef schemaSpec scriptDesc scriptNote scriptStmt seal sealDesc secFol secl seg
  segmentation sense sequence series seriesStmt set setting settingDesc settlement sex shift sic
  signatures signed soCalled socecStatus sound source sourceDesc sourceDoc sp spGrp space span spanGrp
  speaker specDesc specGrp specGrpRef specList sponsor stage stamp standOff state stdVals street stress
  string styleDefDecl subc subst substJoin summary superEntry supplied support supportDesc surface
  surfaceGrp surname surplus surrogates syll symbol table tag tagUsage tagsDecl taxonomy tech teiCorpus
  teiHeader term terrain text textClass textDesc textLang textNode then time timeline title titlePage
  titlePart titleStmt tns trailer trait transcriptionDesc transpose tree triangle typeDesc typeNote u
  unclear undo unicodeProp unihanProp unit unitDecl unitDef usg vAlt vColl vDefault vLabel vMerge vNot
  vRange val valDesc valItem valList variantEncoding view vocal w watermark when width wit witDetail
  witEnd witStart witness writing xenoData xr zone
  `.split(/\s+/).filter(Boolean),
);
