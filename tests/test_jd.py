"""JD parsing: requirements, flags, weights, aliases and the defined behaviour on odd input."""

from __future__ import annotations

import json
import math

import pytest
from _lang_fixtures import BACKEND_JD

from labkit.errors import InputError
from labkit.language.jd import jobspec_from_rows, jobspec_to_rows, parse_jd, reweight
from labkit.language.vocabulary import SkillEntry, load_vocabulary


def _by_name(spec):
    return {r.name: r for r in spec.requirements}


def test_backend_jd_requirements_flags_weights():
    spec = parse_jd(BACKEND_JD)
    reqs = _by_name(spec)
    assert spec.title == "Backend Engineer"
    for name in ("Python", "PostgreSQL", "Kubernetes", "Communication"):
        assert reqs[name].required, name
    assert not reqs["Apache Kafka"].required
    assert reqs["Communication"].category == "soft_skill"
    assert reqs["PostgreSQL"].category == "tool"
    exp = [r for r in spec.requirements if r.category == "experience"]
    assert len(exp) == 1 and exp[0].min_years == 4 and "Python" in exp[0].name
    assert abs(sum(r.weight for r in spec.requirements) - 1.0) < 1e-9
    # required technical skills weigh more than nice-to-haves and soft skills
    assert reqs["PostgreSQL"].weight > reqs["Apache Kafka"].weight
    assert reqs["PostgreSQL"].weight > reqs["Communication"].weight
    # the role noun "backend engineer" is not a requirement
    assert "Backend Development" not in reqs


def test_aliases_map_to_canonical_names():
    spec = parse_jd("Requirements:\n- Postgres\n- k8s\n- golang services\n")
    names = {r.name for r in spec.requirements}
    assert {"PostgreSQL", "Kubernetes", "Go"} <= names
    assert "postgres" in _by_name(spec)["PostgreSQL"].aliases


def test_case_sensitive_terms_need_case_or_context():
    spec = parse_jd("Requirements:\n- Services written in Go\n- You will go to conferences.\n")
    assert [r.name for r in spec.requirements].count("Go") == 1
    spec2 = parse_jd("You should be ready to go the extra mile and swift to act.")
    assert "Go" not in _by_name(spec2) and "Swift" not in _by_name(spec2)


def test_empty_jd_defined():
    for text in ("", "   \n\t "):
        spec = parse_jd(text)
        assert spec.requirements == ()
        assert spec.warnings and "empty" in spec.warnings[0]


def test_html_jd_same_as_plain():
    html = (
        "<h2>Backend Engineer</h2><p>We are hiring a backend engineer for our data platform.</p>"
        "<h3>Requirements:</h3><ul><li>4+ years of professional experience with Python</li>"
        "<li>Strong PostgreSQL skills</li><li>Experience with Kubernetes (k8s)</li>"
        "<li>Clear communication skills</li></ul><h3>Nice to have:</h3><ul><li>Kafka</li></ul>"
        "<script>var x = 'Java';</script>"
    )
    spec = parse_jd(html)
    plain = parse_jd(BACKEND_JD)
    assert any("HTML" in w for w in spec.warnings)
    got = {(r.name, r.required) for r in spec.requirements}
    assert got == {(r.name, r.required) for r in plain.requirements}
    assert "Java" not in _by_name(spec)


def test_huge_jd_is_cut_and_parsed():
    filler = "We value clear writing and a calm, friendly team atmosphere in the office.\n"
    text = BACKEND_JD + filler * (1_000_000 // len(filler))
    assert len(text) > 1_000_000
    spec = parse_jd(text)
    assert any("longer than" in w for w in spec.warnings)
    assert {"Python", "PostgreSQL", "Kubernetes"} <= set(_by_name(spec))
    assert abs(sum(r.weight for r in spec.requirements) - 1.0) < 1e-9


def test_non_english_jd():
    text = (
        "Buscamos un ingeniero de datos con experiencia en Python, PostgreSQL y Kubernetes. "
        "Se valora el trabajo en equipo y la comunicación con los clientes de la empresa."
    )
    spec = parse_jd(text)
    assert spec.language == "unknown"
    assert any("English" in w for w in spec.warnings)
    assert {"Python", "PostgreSQL", "Kubernetes"} <= set(_by_name(spec))
    assert all(r.required for r in spec.requirements)


def test_alternatives_and_examples_merge():
    spec = parse_jd(
        "Requirements:\n- Dashboards in Tableau or Power BI\n- Unit testing with Jest or similar\n"
    )
    names = set(_by_name(spec))
    # the practice and the tools it names are one requirement, met by any of them
    dash = _by_name(spec)["Dashboards in Tableau or Power BI"]
    assert {"Tableau", "Power BI"} <= set(dash.aliases)
    assert "Tableau or Power BI" not in names and "Tableau" not in names
    assert "Unit Testing" in names and "Jest" not in names
    assert "jest" in {a.lower() for a in _by_name(spec)["Unit Testing"].aliases}


def test_skip_benefits_section():
    spec = parse_jd("Requirements:\n- Python\n\nBenefits:\n- Free Kubernetes training budget\n")
    assert "Kubernetes" not in _by_name(spec)


def test_reweight_and_rows_roundtrip():
    spec = parse_jd(BACKEND_JD)
    new = reweight(spec, {"PostgreSQL": 5.0, "Apache Kafka": 0.0})
    assert abs(sum(r.weight for r in new.requirements) - 1.0) < 1e-9
    r = _by_name(new)
    assert r["PostgreSQL"].weight > 0.4 and r["Apache Kafka"].weight == 0.0
    with pytest.raises(InputError):
        reweight(spec, {"Cobol": 1.0})
    with pytest.raises(InputError):
        reweight(spec, {"Python": -1.0})
    back = jobspec_from_rows(jobspec_to_rows(new))
    assert [(x.name, round(x.weight, 9), x.required) for x in back.requirements] == [
        (x.name, round(x.weight, 9), x.required) for x in new.requirements
    ]


def test_vocabulary_is_large_and_editable(tmp_path):
    vocab = load_vocabulary()
    assert len(vocab) >= 300
    cats = {e.category for e in vocab.entries}
    assert {"skill", "tool", "soft_skill", "education"} <= cats
    assert vocab.get("k8s").name == "Kubernetes"
    assert vocab.get("Postgres").name == "PostgreSQL"
    custom = tmp_path / "skills.json"
    custom.write_text(
        json.dumps({"skills": [{"name": "Zig", "category": "skill", "aliases": ["ziglang"]}]})
    )
    spec = parse_jd("Requirements:\n- ziglang services\n", vocabulary=load_vocabulary(custom))
    assert [r.name for r in spec.requirements] == ["Zig"]
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError):
        load_vocabulary(bad)


SECURITY_JD = """Security Engineer
What you'll do
- Own the vulnerability management program end to end
- Run tabletop exercises with product teams
What we require
- 3+ years in a security operations role
- Threat modeling (STRIDE or similar)
- SIEM experience, for example Splunk or Elastic
- Amazon Web Services: IAM, CloudTrail
- Python scripting for automation
Nice to have
- Kubernetes (EKS)
"""


def test_examples_fold_into_the_skill_they_illustrate():
    reqs = _by_name(parse_jd(SECURITY_JD))
    # "Amazon Web Services: IAM, CloudTrail" is one requirement, met by any of its examples
    aws = reqs["Amazon Web Services"]
    assert aws.required and any(a.lower() == "iam" for a in aws.aliases), aws.aliases
    assert "Kubernetes" in reqs and not reqs["Kubernetes"].required
    assert not any(name.lower().startswith("splunk") for name in reqs)  # an example of SIEM
    assert {"Python"} <= set(reqs)


def test_listed_requirement_unknown_to_the_vocabulary_keeps_its_noun_phrase():
    vocab = load_vocabulary()
    # phrases the packaged vocabulary might come to know: use a tiny one to test the fallback
    from labkit.language.vocabulary import SkillEntry, Vocabulary

    small = Vocabulary([e for e in vocab.entries if e.name in ("Python", "Splunk")])
    assert small.get("Threat Modeling") is None
    reqs = _by_name(parse_jd(SECURITY_JD, vocabulary=small))
    assert reqs["Threat Modeling"].required and reqs["Threat Modeling"].category == "skill"
    siem = reqs["SIEM"]  # the phrase, with the example the vocabulary knows as an alias
    assert "Splunk" in siem.aliases
    # duties are what the job does: their phrases are not requirements
    assert not any("Vulnerability" in n or "Tabletop" in n for n in reqs), list(reqs)
    assert isinstance(SkillEntry, type)


def test_the_answer_evidences_a_requirement_through_its_example():
    from labkit.language.scoring import requirement_entries

    spec = parse_jd(SECURITY_JD)
    entries = {r.name: e for r, e in requirement_entries(spec, load_vocabulary())}
    found = (
        load_vocabulary()
        .__class__([entries["Amazon Web Services"]])
        .find_mentions("I looked at the CloudTrail logs during the investigation")
    )
    assert found and found[0].entry.name == "Amazon Web Services"


def test_example_asides_end_where_the_list_goes_on():
    spec = parse_jd(
        "Requirements:\n- Python, including Django, and Kubernetes\n"
        "- Languages such as Go or Java, plus PostgreSQL\n- 5+ years of Rust in a senior role"
    )
    names = set(_by_name(spec))
    # the aside folds into Python; what follows it is a requirement of its own
    assert {"Python", "Kubernetes", "PostgreSQL", "Go or Java", "Rust"} <= names, names
    assert "Django" not in names


def test_duties_with_a_nice_cue_stay_optional_when_requirements_are_listed():
    spec = parse_jd(
        "Responsibilities:\n- Build pipelines with Airflow; Kafka is a plus\nRequirements:\n- SQL"
    )
    reqs = _by_name(spec)
    assert reqs["SQL"].required
    airflow = next(r for r in spec.requirements if "Apache Airflow" in (r.name, *r.aliases))
    assert not airflow.required and not reqs["Apache Kafka"].required


def test_what_a_requirement_is_about_is_not_a_requirement():
    jd = """BI Developer

Requirements:
- Advanced SQL (T-SQL) against our data warehouse
- Jira for backlog and sprint management
- Facilitation of retrospectives and workshops
- Motion planning for mobile robots (e.g. Nav2, custom planners)
- Storytelling: presenting findings to senior leaders

It would be great if you also have:
- Tableau or Power BI
"""
    reqs = _by_name(parse_jd(jd))
    required = {n for n, r in reqs.items() if r.required}
    assert {"SQL", "Jira", "Facilitation", "Motion Planning", "Storytelling"} <= required
    # "our data warehouse" is the setting; what Jira is for and what is facilitated are the
    # skill's subject; "e.g." does not end the sentence, so Nav2 stays an example
    for name in ("Data Warehousing", "Sprint Planning", "Backlog Management", "Nav2"):
        assert name not in required, name
    assert any(a.lower() == "nav2" for a in reqs["Motion Planning"].aliases)
    assert "Public Speaking" not in reqs  # explains Storytelling after the colon
    # "It would be great if you also have:" opens the nice-to-have section
    assert not reqs["Tableau or Power BI"].required


def test_a_tool_named_after_a_skill_stays_a_requirement():
    reqs = _by_name(parse_jd("Requirements:\n- Deploying and debugging on Kubernetes\n"))
    assert reqs["Kubernetes"].required and reqs["Debugging"].required


def test_an_ambiguous_acronym_needs_its_field_in_the_jd():
    clinical = (
        "Clinical Data Manager\n\nWe are a mid-sized CRO running oncology trials.\n\n"
        "What you'll need:\n- 4+ years of data management at a CRO or sponsor\n- ICH GCP\n"
        "- Medical coding with MedDRA\n"
    )
    names = set(_by_name(parse_jd(clinical)))
    assert "Google Cloud Platform" not in names  # GCP: Good Clinical Practice here
    assert "Conversion Rate Optimization" not in names  # CRO: contract research organization
    cloud = "Data Engineer\n\nRequirements:\n- GCP (BigQuery, Dataflow)\n- Python\n"
    assert "Google Cloud Platform" in _by_name(parse_jd(cloud))
    growth = "Growth Marketer\n\nRequirements:\n- CRO for our landing pages\n- SQL\n"
    assert "Conversion Rate Optimization" in _by_name(parse_jd(growth))


def test_a_listed_requirement_names_its_tool_after_with():
    spec = parse_jd(
        "Rust Engineer\n\nMust have\n* Async Rust with Tokio\n"
        "* Clear communication with finance teams and CFOs\n"
        "* Coordinating with sites, CRAs and biostatistics\n"
    )
    names = set(_by_name(spec))
    assert {"Rust", "Tokio"} <= names
    assert not names & {"CFOs", "CRAs"}  # plural acronyms are people, not products


def _one_bullet(text: str) -> dict:
    return _by_name(parse_jd(f"Job\n\nRequirements:\n- {text}\n"))


def test_a_leading_phrase_before_a_known_skill_is_a_requirement_too():
    reqs = _one_bullet("Edit check specification and User Acceptance Testing")
    assert {"Edit Check Specification", "User Acceptance Testing"} <= set(reqs)
    assert "Fixed-point Arithmetic" in _one_bullet(
        "Fixed-point arithmetic and optimization for DSP"
    )


def test_gerund_phrases():
    assert "Writing Monitoring Visit Reports" in _one_bullet("Writing Monitoring Visit Reports")
    # the verb frame of a known skill, or a lone verb, is no requirement
    assert set(_one_bullet("Running jobs on HPC clusters (SLURM)")) == {
        "High-Performance Computing"
    }
    # a lone verb names nothing; the listed requirement is kept whole, in the JD's words
    assert set(_one_bullet("Coordinating with sites and sponsors")) == {
        "Coordinating with sites and sponsors"
    }
    assert "Deploying" not in _one_bullet("Deploying and debugging on Kubernetes")


def test_a_practice_and_its_tools_are_one_requirement():
    reqs = _one_bullet("Infrastructure as code with Terraform")
    assert list(reqs) == ["Infrastructure as Code with Terraform"]
    assert "Terraform" in reqs["Infrastructure as Code with Terraform"].aliases
    reqs = _one_bullet("Scripting in Python or Bash")
    assert list(reqs) == ["Scripting in Python or Bash"]
    assert {"Python", "Bash"} <= set(reqs["Scripting in Python or Bash"].aliases)
    # a language is no practice: Rust and Tokio stay two requirements
    assert {"Rust", "Tokio"} <= set(_one_bullet("Async Rust with Tokio"))


def test_a_kind_named_after_or_similar_is_no_requirement():
    assert list(_one_bullet("Kafka or similar event streaming")) == ["Apache Kafka"]
    assert list(_one_bullet("Snowflake or a comparable cloud data warehouse")) == ["Snowflake"]


def test_what_a_skill_is_for_is_no_requirement():
    assert list(_one_bullet("Solid C and C++ for real-time systems")) == ["C/C++"]
    reqs = _one_bullet("MATLAB or Python (NumPy/SciPy) for algorithm prototyping")
    assert list(reqs) == ["MATLAB or Python"]


def test_the_role_a_years_clause_names_is_experience_only():
    spec = parse_jd(
        "Job\n\nRequirements:\n- At least 2 years of experience as a business analyst\n"
    )
    assert "Business Analysis" not in _by_name(spec)
    assert any(r.category == "experience" and r.min_years == 2 for r in spec.requirements)


def test_a_preferred_product_is_an_example_of_the_requirement():
    reqs = _one_bullet("CI/CD pipelines, ideally with GitHub Actions")
    assert list(reqs) == ["CI/CD"] and reqs["CI/CD"].required
    assert "GitHub Actions" in reqs["CI/CD"].aliases


def test_examples_of_a_phrase_are_no_requirements_of_their_own():
    reqs = _one_bullet("Working knowledge of CDISC standards (CDASH, SDTM)")
    assert list(reqs) == ["CDISC Standards"]
    reqs = _one_bullet("Experience with a planning system such as SAP IBP, Kinaxis or o9")
    assert list(reqs) == ["Planning System"]
    assert {"Kinaxis", "o9"} <= set(reqs["Planning System"].aliases)


def test_degree_fields_credentials_abbreviations_and_slashes():
    reqs = _one_bullet("MS or PhD in bioinformatics, computational biology or a related field")
    assert all(r.category == "education" for r in reqs.values())
    reqs = _one_bullet("Active RN license in the state")
    assert reqs["RN License"].category == "education"  # "active" is the credential's state
    reqs = _one_bullet("Solid working knowledge of U.S. employment law (FMLA, ADA)")
    assert not any(n.startswith("U.S") and "Law" not in n for n in reqs)
    assert "Linux" in _one_bullet("Strong Python and Linux/command-line skills")


def test_lead_words_before_a_phrase_are_no_part_of_it():
    assert "E-filing" in _one_bullet(
        "Experienced with e-filing in federal (CM/ECF) and state courts"
    )
    assert "Managing Discovery" in _one_bullet("Comfortable managing discovery: Bates numbering")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Experience preparing permit applications", "Preparing Permit Applications"),
        ("Experience rating and pricing commercial accounts",
         "Rating and Pricing Commercial Accounts"),
        ("Demonstrated ability to analyze loss runs and identify trends", "Loss Runs"),
        ("Able to read electrical blueprints and one-line diagrams", "Technical Drawings"),
        ("Knowledge of lockout/tagout procedures", "Lockout/Tagout Procedures"),
        ("Solid grasp of 3D math: linear algebra, transforms", "3D Math"),
        ("Exposure to RISC-V vector architectures", "RISC-V"),
        ("Experience with structured outputs / function calling",
         "Structured Outputs / Function Calling"),
        ("Fluency with drawings and specs", "Drawings"),
        ("Experience maintaining a RoPA in a complex organisation", "Maintaining a RoPA"),
        # ratings qualify the practice and are no part of its name
        ("Experience installing 480/277V and 208/120V three-phase power distribution",
         "Installing Three-phase Power Distribution"),
        ("Demonstrated competence in pharmacokinetic dosing (vancomycin)",
         "Pharmacokinetic Dosing"),
    ],
)  # fmt: skip
def test_what_an_experience_or_ability_line_asks_for(line, name):
    assert name in _one_bullet(line)


def test_an_ability_to_use_a_soft_skill_names_no_object():
    # "communicate" is the skill; "results" is not a requirement
    assert set(_one_bullet("Ability to communicate results to non-technical teams")) == {
        "Communication"
    }
    assert not set(_one_bullet("Ability to work independently")) - {"Independence"}
    # a term of work, not a skill (see test_terms_of_work_are_conditions_to_confirm)
    assert {r.category for r in _one_bullet("Able to lift 50 pounds").values()} == {"condition"}


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Able to lift 50 lbs and stand for extended periods", "Lift 50 lbs and stand for extended periods"),
        ("Must be able to work rotating 12-hour shifts, including nights", "Work rotating 12-hour shifts"),
        ("Able to pass a DOT drug screen, including hair follicle testing", "Pass a DOT drug screen"),
        ("Own basic hand tools", "Own basic hand tools"),
        ("Ability to travel 60-70%, including overnight travel", "Travel 60-70%"),
        ("Field travel in county vehicles is required", "Field travel in county vehicles"),
        ("Willingness to work a rotating 24/7 roster including nights and weekends",
         "Willingness to work a rotating 24/7 roster"),
        ("Ability and willingness to spend 20-45 consecutive days at sea on fishing vessels",
         "Ability and willingness to spend 20-45 consecutive days at sea"),
        # a physical ability is a term of work, and a long one is cut on a word
        ("The physical ability to lift and move baggage of up to 23 kg and to stand",
         "Physical ability to lift and move baggage"),
    ],
)  # fmt: skip
def test_terms_of_work_are_conditions_to_confirm(line, name):
    spec = parse_jd(f"Welder\n\nRequirements:\n- 3+ years of MIG welding\n- {line}\n")
    cond = _by_name(spec)[name]
    assert cond.category == "condition" and cond.required
    # not scored: no weight taken from the skills, whose weights still sum to 1
    assert cond.weight == 0.0
    assert math.isclose(sum(r.weight for r in spec.requirements), 1.0)


def test_pay_perks_traits_and_knowledge_are_no_conditions():
    assert not _one_bullet("A passion for weekend brunch service")
    # knowledge of the words, not the term: a skill phrase
    reqs = _one_bullet("A track record of planning complex domestic and international travel")
    assert [r.category for r in reqs.values()] == ["skill"]


def test_an_inline_section_lead_and_semicolon_items():
    spec = parse_jd(
        "Clinical Research Coordinator\n\nQualifications\n"
        "Required: a bachelor's degree; experience preparing IRB submissions; experience "
        "maintaining source documentation and regulatory binders; experience with EDC systems "
        "(Medidata Rave preferred).\n\n"
        "Preferred: SOCRA CCRP certification; phlebotomy certification.\n\n"
        "Lakeshore offers tuition remission, a pension plan and paid certification exam fees.\n"
    )
    reqs = _by_name(spec)
    assert reqs["Maintaining Source Documentation"].required  # an item of its own
    assert reqs["Phlebotomy"].required is False  # the "Preferred:" line is nice to have
    assert reqs["Electronic Data Capture"].required  # only the parenthesis is preferred
    assert reqs["Medidata Rave"].required is False
    assert not any("Lakeshore" in n for n in reqs)  # prose, not a listed requirement


def test_prose_about_the_product_is_no_requirement():
    spec = parse_jd(
        "Our patient app (iOS and Android, built in Flutter) delivers home exercise programs. "
        "You have three years of experience with Flutter and Dart."
    )
    assert {"Flutter", "Dart"} <= set(_by_name(spec))
    assert not {"iOS", "Android"} & set(_by_name(spec))


def test_an_unknown_name_before_a_dash_is_a_requirement():
    spec = parse_jd("We expect working experience with MLIR — defining dialects and passes.")
    assert "MLIR" in _by_name(spec)


def test_a_payroll_certification_is_not_a_programming_language():
    payroll = parse_jd("Payroll Specialist\n\nRequirements:\n- FPC or CPP certification\n")
    assert "C++" not in _by_name(payroll)
    firmware = parse_jd("Firmware Engineer\n\nRequirements:\n- Strong CPP and Python\n")
    assert "C++" in _by_name(firmware)


def test_a_part_of_a_slashed_phrase_is_no_requirement_of_its_own():
    assert list(_one_bullet("Experience with AE/SAE reporting")) == ["AE/SAE Reporting"]


def test_an_ampersand_joins_one_name():
    assert list(_one_bullet("Familiarity with ODOT Location & Design Manual standards")) == [
        "ODOT Location & Design Manual Standards"
    ]
    assert list(_one_bullet("Knowledge of Profit & Loss management")) == [
        "Profit & Loss Management"
    ]


def test_an_agency_product_is_also_called_by_its_own_name():
    spec = parse_jd("Requirements:\n- Experience with HEC-RAS or EPA SWMM\n")
    # either will do: one requirement, called by each name and SWMM
    either = _by_name(spec)["HEC-RAS or EPA SWMM"]
    assert {"SWMM", "HEC-RAS", "EPA SWMM"} <= set(either.aliases)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Experience with anticoagulation management and antimicrobial stewardship",
         {"Anticoagulation Management", "Antimicrobial Stewardship"}),
        ("Solid understanding of instruction scheduling and register allocation",
         {"Instruction Scheduling", "Register Allocation"}),
        ("Experience maintaining source documentation and regulatory binders",
         {"Maintaining Source Documentation", "Regulatory Binders"}),
    ],
)  # fmt: skip
def test_two_practices_after_a_lead_are_two_requirements(line, names):
    assert names <= set(_one_bullet(line))


@pytest.mark.parametrize(
    "line",
    [
        "Variance analysis and month-end reporting",  # a bare bullet names one area
        "Network and infrastructure testing",  # a shared head
        "Demonstrated ability to analyze loss runs and identify frequency trends",  # a verb's
        "Strong attention to detail and accuracy",  # one word is no practice of its own
    ],
)
def test_a_compound_area_is_one_requirement(line):
    reqs = _one_bullet(line)
    assert not {"Month-end Reporting", "Infrastructure Testing", "Identify Frequency",
                "Accuracy"} & set(reqs)  # fmt: skip


def test_a_term_defined_by_its_acronym_is_a_requirement():
    reqs = _one_bullet("Experience implementing physically based rendering (PBR) features")
    assert "Physically Based Rendering" in reqs
    assert "PBR" in reqs["Physically Based Rendering"].aliases
    # the capitals must be the initials: a parenthesis that is no acronym defines nothing
    reqs = _one_bullet("Handling of temperature-controlled (reefer) shipments")
    assert not any(a == "reefer" for r in reqs.values() for a in r.aliases)
    # a term the vocabulary knows stays the vocabulary's, with no second name beside it
    assert len(_one_bullet("Azure Kubernetes Service (AKS) in production")) == 1


def test_ideally_after_a_phrase_makes_only_the_rest_optional():
    reqs = _one_bullet("Solid understanding of register allocation, ideally on VLIW targets")
    assert reqs["Register Allocation"].required


def test_a_compound_gerund_names_the_practice():
    reqs = _one_bullet("Proficient in conduit bending (EMT and rigid) with hand benders")
    assert "Conduit Bending" in reqs and "EMT" not in reqs


def test_terms_of_work_and_closing_prose_are_no_skills():
    for line in ("Reliable transportation", "Own hand tools"):
        assert [r.category for r in _one_bullet(line).values()] == ["condition"]
    spec = parse_jd(
        "Compiler Engineer\n\nNice to have:\n- Python for tooling\n\n"
        "We're a team of about 40 engineers. Hybrid, three days on-site. Competitive salary.\n"
    )
    assert set(_by_name(spec)) == {"Python"}


def test_a_plural_of_a_multi_word_name_is_the_name_but_plural_people_are_not():
    reqs = _one_bullet("Writing Data Management Plans and CRF completion guidelines")
    assert "Data Management Plan" in reqs
    # "product managers" are whom you work with, not Product Management
    assert "Product Management" not in _one_bullet(
        "Close collaboration with developers and product managers"
    )


def test_business_stakeholders_are_the_stakeholder_skill():
    reqs = _one_bullet("Working with business stakeholders to agree metric definitions")
    assert "Stakeholder Management" in reqs


def test_what_a_tool_does_in_a_relative_clause_is_no_requirement():
    spec = parse_jd(
        "Data Engineer\n\nYou'll write Python daily, and you'll work with Airflow, which "
        "schedules, monitors and reruns data quality checks."
    )
    assert set(_by_name(spec)) == {"Python", "Apache Airflow"}
    spec = parse_jd(
        "Flutter Developer\n\nYou'll write widget and integration tests, and you'll work with "
        "our CI/CD pipeline (GitHub Actions and fastlane) that builds, signs and releases to the "
        "App Store and Google Play."
    )
    assert set(_by_name(spec)) == {"Integration Testing"}
    # asked for in its own right, it is one
    assert "App Store Releases" in _one_bullet("App Store and Google Play releases")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Budgeting and forecasting", {"Budgeting", "Forecasting"}),
        ("Working knowledge of USP <797> sterile compounding standards", {"Sterile Compounding"}),
        ("Discretion with confidential employee data", {"Confidentiality"}),
        ("Site safety leadership (OSHA 30 or equivalent)", {"Site Safety"}),
        ("Solid experience with Riverpod or Bloc", {"State Management"}),
    ],
)
def test_common_practices_of_finance_pharmacy_construction_and_mobile(line, names):
    assert names <= set(_one_bullet(line))


def test_a_practice_worded_as_a_verb_is_also_known_by_its_noun():
    reqs = _one_bullet("Managing personal data breaches, including regulator notification")
    (req,) = reqs.values()
    assert "personal data breach management" in req.aliases
    reqs = _one_bullet("Identifying and escalating risk to in-house counsel")
    (req,) = reqs.values()
    assert {"risk identification", "risk escalation"} <= set(req.aliases)
    # an object of two words or more is a term of its own; one word is not
    (req,) = _one_bullet("Installing three-phase power distribution").values()
    assert "three-phase power distribution" in req.aliases
    (req,) = _one_bullet("Managing discovery").values()
    assert "discovery" not in req.aliases


def test_a_phrase_is_also_known_without_a_generic_word_around_its_term():
    (req,) = _one_bullet("Working knowledge of common file formats (FASTQ, BAM/CRAM, VCF)").values()
    assert "file formats" in req.aliases
    (req,) = _one_bullet("Awareness of ActiveRecord performance pitfalls (N+1 queries)").values()
    assert "activerecord performance" in req.aliases


def test_an_inline_synonym_in_parentheses_is_also_the_phrase():
    (req,) = _one_bullet("Handling of temperature-controlled (reefer) shipments").values()
    assert req.name == "Handling of Temperature-controlled Shipments"
    assert {"reefer shipments", "temperature-controlled shipments"} <= set(req.aliases)
    # a parenthesis that gives examples of a tool stays examples
    assert "Nextflow" not in _one_bullet("Workflow managers (Nextflow) experience")


def test_two_practices_on_one_object_end_before_the_object():
    reqs = _one_bullet("Calendaring and docketing of court deadlines")
    # "court deadlines" is what is calendared, not time management
    assert list(reqs) == ["Calendaring and Docketing"]


def test_working_with_people_is_collaboration_with_them():
    (req,) = _one_bullet(
        "Working with subject matter experts to turn dense content into learning"
    ).values()
    assert req.name == "Collaboration with Subject Matter Experts"
    assert {"sme collaboration", "working with subject matter experts"} <= set(req.aliases)
    # the departments one works with are whom, not skills asked for
    reqs = _one_bullet("Working with sales and procurement to meet deal timelines")
    assert list(reqs) == ["Collaboration with Sales and Procurement"]
    # a tool after "working with" is still the tool
    assert "Kubernetes" in _one_bullet("Working with Kubernetes in production")


def test_words_that_share_one_head_are_one_requirement():
    # "owner and architect communication": the owner is whose, not a skill
    assert list(_one_bullet("Owner and architect communication, including OAC meetings")) == [
        "Communication"
    ]
    (req,) = _one_bullet("Health, safety and brand standards compliance").values()
    assert req.name == "Health, Safety and Brand Standards Compliance"


def test_examples_in_parentheses_do_not_hide_the_practice_before_them():
    reqs = _one_bullet(
        "Experience leading front office and housekeeping teams (scheduling, training, coaching)"
    )
    assert "Leading Front Office and Housekeeping Teams" in reqs


def test_a_form_number_a_second_practice_and_a_term_ending_in_data():
    assert "1099 Reporting" in _one_bullet("Experience with 1099 reporting")
    reqs = _one_bullet("Experience maintaining vendor master data and preventing payment fraud")
    assert "Maintaining Vendor Master Data" in reqs
    # a list of qualities with no head in common is no one name
    reqs = _one_bullet("Accuracy, follow-through, and the confidence to push back")
    assert not any("Confidence" in name for name in reqs)


def test_bonus_depreciation_is_no_nice_to_have_cue_and_hyphenated_words_stay_whole():
    reqs = _one_bullet("Section 179 and bonus depreciation rules, plus Excel")
    assert all(r.required for r in reqs.values())
    assert not _one_bullet("Experience with Excel is a bonus")["Excel"].required
    assert "Time-to-event Methods" in _one_bullet("Time-to-event methods including Kaplan-Meier")


def test_an_acronyms_plural_is_not_another_acronym():
    # "DCs" are distribution centers; DCS is a distributed control system
    from labkit.language.vocabulary import load_vocabulary

    found = load_vocabulary().find_mentions("Inventory health across our DCs")
    assert "Distributed Control Systems" not in {m.entry.name for m in found}
    assert "Distributed Control Systems" in _one_bullet("Experience with DCS and PLC programming")


def test_a_state_after_a_city_and_a_sentence_about_the_firm_ask_for_nothing():
    spec = parse_jd(
        "Principal Biostatistician\nHalcyon Therapeutics, Cambridge, MA (hybrid)\n\n"
        "Hartwell & Brandt is a 160-person regional CPA and advisory firm serving families.\n\n"
        "You are fluent in SAS."
    )
    assert [r.name for r in spec.requirements] == ["SAS"]


def test_a_grasp_of_a_practice_credentials_in_a_list_and_examples_after_a_colon():
    assert "Attribution and Incrementality Measurement" in _one_bullet(
        "A solid grasp of attribution and incrementality measurement"
    )
    reqs = _one_bullet("CVT, LVT or RVT credential (or eligible within 6 months)")
    assert all(r.category == "education" for r in reqs.values())
    # what a practice covers after a colon is no soft skill of its own
    reqs = _one_bullet("Experience managing freelance writers: briefs, budgets and deadlines")
    assert "Time Management" not in reqs


def test_critical_care_nursing_practices_and_an_ehr_asked_with_proficiency():
    spec = parse_jd(
        "Registered Nurse - ICU\n\nYou will manage arterial and central lines, titrate "
        "vasoactive infusions, care for patients on mechanical ventilation and communicate "
        "using SBAR. Proficiency with Epic documentation is expected."
    )
    names = {r.name for r in spec.requirements}
    assert {"Hemodynamic Monitoring", "Titrating Infusions", "Mechanical Ventilation",
            "Communication using SBAR", "Electronic Health Records"} <= names  # fmt: skip


def test_a_list_ending_in_a_plus_is_optional_as_a_whole_and_a_year_range_asks_its_low_end():
    spec = parse_jd(
        "Requirements:\n- Two to four years of P&C actuarial experience.\n"
        "- Experience with Emblem, Akur8 or Radar, telematics data, or price optimization "
        "is a plus.\n- Python, Kafka is a plus."
    )
    reqs = _by_name(spec)
    assert not any(reqs[n].required for n in ("Emblem", "Akur8 or Radar"))
    assert reqs["Python"].required and not reqs["Apache Kafka"].required
    assert [r.min_years for r in spec.requirements if r.category == "experience"] == [2]
    assert "C" not in reqs  # "P&C" is property and casualty
    # "Gage R&R" is a measurement system study, not the R language
    assert set(_one_bullet("MSA / Gage R&R")) == {"Measurement System Analysis"}


def test_a_tool_that_ends_a_listed_requirement_and_years_or_more():
    reqs = _one_bullet("Proficiency writing estimates in Xactimate.")
    assert reqs["Xactimate"].category == "tool" and "Writing Estimates" in reqs
    # a place is no tool; the licence is asked for as written
    assert {n: r.category for n, r in _one_bullet("Licensed in Texas").items()} == {
        "Licensed in Texas": "education"
    }
    assert (
        _one_bullet("B.S. in Civil Engineering; EIT certification required")
        .keys()
        .isdisjoint({"Civil Engineering"})
    )  # the degree's field
    spec = parse_jd("Requirements:\n- Three or more years handling first-party property claims")
    assert [r.min_years for r in spec.requirements if r.category == "experience"] == [3]


def test_credentials_named_whole_and_a_lead_word_is_no_soft_skill():
    reqs = _one_bullet("Current, unrestricted Washington State dental hygienist license")
    assert reqs["Washington State Dental Hygienist License"].category == "education"
    reqs = _one_bullet("Graduate of a CODA-accredited dental hygiene program")
    assert reqs["CODA-accredited Dental Hygiene Program"].category == "education"
    reqs = _one_bullet("DPT or MPT degree from an accredited program")
    assert reqs["DPT"].category == "education"
    reqs = _one_bullet("Authorization to administer local anesthesia under your state license")
    assert set(reqs) == {"Local Anesthesia"}
    reqs = _one_bullet("Confidence with six-point periodontal charting")
    assert set(reqs) == {"Six-point Periodontal Charting"}  # not the soft skill Confidence
    # "a C-level executive" is a rank, not the C language
    assert "C" not in _one_bullet(
        "At least five years of experience supporting a C-level executive"
    )


def test_a_degree_keeps_its_field_and_years_keep_what_they_are_of():
    spec = parse_jd(
        "Requirements:\n- B.S. in civil or structural engineering or a related field\n"
        "- Five or more years of commercial appraisal experience, the majority on narrative "
        "reports\n- At least two years as a lead teacher in a preschool classroom\n"
        "- Three or more years handling first-party property claims\n- 5+ years of experience"
    )
    names = [r.name for r in spec.requirements]
    assert "Bachelor's Degree in Civil or Structural Engineering" in names
    assert {"5+ years of commercial appraisal experience", "2+ years as a lead teacher",
            "3+ years handling first-party property claims", "5+ years of experience"} <= set(names)  # fmt: skip
    # a field only names the requirement: no alias that claimed years must repeat
    assert all(not r.aliases for r in spec.requirements if r.category == "experience")


def test_what_the_job_offers_asks_for_nothing():
    spec = parse_jd(
        "Structural Engineer\n\nYou'll bring five or more years of structural design experience."
        " We offer a salary range of $95,000 to $120,000 depending on experience, employee "
        "ownership after one year, and generous PTO."
    )
    assert [r.min_years for r in spec.requirements if r.category == "experience"] == [5]
    assert "Ownership" not in {r.name for r in spec.requirements}


def test_essential_functions_and_a_position_summary_are_duties():
    spec = parse_jd(
        "CT Technologist\n\nPOSITION SUMMARY\nThe technologist works with a high degree of "
        "independence.\n\nESSENTIAL FUNCTIONS\n1. Inserts peripheral IVs per protocol.\n"
        "2. Screens patients for contrast allergy.\n\nQUALIFICATIONS\n"
        "- Working knowledge of CTA, stroke and trauma protocols, contrast reaction management "
        "and CT dose optimization\n"
    )
    required = {r.name for r in spec.requirements if r.required}
    assert not required & {"Independence", "Inserts Peripheral IVs", "Screens Patients"}
    # each practice of a list after a lead is a requirement of its own
    assert {"Contrast Reaction Management", "CT Dose Optimization"} <= required
    reqs = _one_bullet(
        "Working knowledge of MEL and deferral procedures and of maintenance recordkeeping"
    )
    assert "Maintenance Recordkeeping" in reqs


def test_a_label_before_a_colon_names_no_requirement():
    spec = parse_jd(
        "Pre-K Lead Teacher\n\nWhat you need\n"
        "- Education: Bachelor's degree in Early Childhood Education, or a related bachelor's.\n"
        "- Certifications: Pediatric CPR and First Aid\n"
    )
    names = {r.name for r in spec.requirements}
    assert "Bachelor's Degree in Early Childhood Education" in names
    assert not names & {"Education", "Certifications"}


def test_a_parenthesis_that_abbreviates_the_words_before_it_is_their_short_name():
    reqs = _one_bullet("ARRT registration in Radiography (R) and Computed Tomography (CT)")
    # "(R)" is Radiography's initial, the JD's short name for the registration, not the R
    # language folded into it
    assert not any("r language" in r.aliases for r in reqs.values())
    assert "R" in reqs["ARRT Registration"].aliases
    assert "CT" in reqs["Computed Tomography"].aliases
    # a name in parentheses is an example, not initials
    reqs = _one_bullet("Experience with locally delivered antimicrobials (Arestin)")
    assert any("Arestin" in r.aliases for r in reqs.values())


def test_years_in_a_setting_are_years_of_the_practice_before_it():
    reqs = _one_bullet("Minimum two years of CT experience in an acute-care hospital")
    years = [r for r in reqs.values() if r.category == "experience"]
    assert [(r.name, r.min_years) for r in years] == [("2+ years of CT experience", 2.0)]
    assert "Acute Care" in reqs  # the setting is still asked for
    # a known skill after the years is what they are of
    reqs = _one_bullet("3+ years of experience with Python in a fintech setting")
    assert reqs["3+ years experience with Python"].min_years == 3.0


def test_a_plural_acronym_counts_where_the_vocabulary_spells_it():
    vocab = load_vocabulary()
    text = "I got certified in ultrasound-guided IVs two years ago."
    assert [m.entry.name for m in vocab.find_mentions(text, speech=True)] == ["IV Therapy"]
    # a plural acronym the vocabulary does not spell is something else ("our DCs")
    assert not vocab.find_mentions("We ship from three DCs.", speech=True)


def test_a_prose_sentence_asks_for_the_practices_it_lists():
    spec = parse_jd(
        "Geotechnical Engineer\n\nYou should be comfortable designing shallow and deep "
        "foundations, running "
        "slope stability analyses in Slide2, SLOPE/W or a comparable package, and classifying "
        "soils using the Unified Soil Classification System. Experience drilling test pits, and "
        "ideally logging borings with CPT rigs, is a plus."
    )
    reqs = _by_name(spec)
    assert reqs["Running Slope Stability Analyses"].required
    # the term itself, singular, is how people name the practice
    assert "slope stability analysis" in reqs["Running Slope Stability Analyses"].aliases
    assert "soil classification" in reqs["Classifying Soils"].aliases
    # a word on each side of "and" before one head noun: one practice, named whole
    shallow = reqs["Designing Shallow and Deep Foundations"]
    assert shallow.required and "shallow and deep foundation design" in shallow.aliases
    assert not reqs["Logging Borings"].required  # after "ideally"
    assert not reqs["Drilling Test Pits"].required  # "... is a plus"


@pytest.mark.parametrize(
    ("jd", "asked"),
    [
        # a method that includes practices asks for each
        (
            "Pricing Analyst\n\nYou will prepare rate indications using the loss ratio method, "
            "which includes on-leveling earned premium, selecting severity trends, and applying "
            "credibility.",
            {"Selecting Severity Trends", "Applying Credibility"},
        ),
        # a list a prose sentence asks for after a colon
        (
            "Biostatistician\n\nThe ideal candidate has hands-on experience with the methods our "
            "studies depend on: mixed models for repeated measures, logistic and CMH analyses, "
            "and time-to-event methods. A PhD in statistics is expected.",
            {"Mixed Models", "Logistic and CMH Analyses", "Time-to-event Methods"},
        ),
    ],
)
def test_practices_listed_in_prose_are_each_required(jd, asked):
    names = {r.name for r in parse_jd(jd).requirements if r.required}
    assert asked <= names, names


def test_construction_administration_is_no_procurement_and_schematic_design_no_capture():
    reqs = _one_bullet("Construction administration: responding to RFIs and reviewing submittals")
    assert "Construction Administration" in reqs and "RFPs" not in reqs
    reqs = _one_bullet("Lead projects from schematic design through construction documents")
    assert "Schematic Capture" not in reqs
    # reading them is a trade's skill, drawing them in an EDA tool an electronics engineer's
    assert "Schematic Reading" in _one_bullet("Reading schematics and wiring diagrams")
    assert "Schematic Capture" in _one_bullet("Schematic capture and PCB layout in Altium")


def test_drives_are_a_skill_and_an_equal_opportunity_sentence_asks_nothing():
    spec = parse_jd(
        "Industrial Electrician\n\nRequirements\n- Experience with VFDs and motor controls\n\n"
        "Great Lakes Stamping & Assembly is an equal opportunity employer."
    )
    names = {r.name for r in spec.requirements}
    assert "Variable Frequency Drives" in names and "Assembly" not in names


def test_a_deadline_is_no_years_asked_and_a_late_ideally_leaves_the_years_required():
    spec = parse_jd(
        "Geotechnical Engineer\n\nWe expect every engineer to be working toward PE licensure and "
        "to sit for the PE Civil exam within two years of joining us. We're looking for two to "
        "six years of geotechnical consulting experience, including hands-on time logging "
        "borings with SPT and ideally CPT."
    )
    years = [(r.name, r.required) for r in spec.requirements if r.category == "experience"]
    assert years == [("2+ years of geotechnical consulting experience", True)]


def test_an_example_named_by_its_maker_is_not_the_makers_other_products():
    [vfd] = [
        r for r in _one_bullet("Experience with VFDs, ideally Allen-Bradley PowerFlex").values()
    ]
    assert vfd.name == "Variable Frequency Drives"
    assert "plcs" not in vfd.aliases and "Allen-Bradley" in vfd.aliases
    [hpc] = [
        r
        for r in _one_bullet("High-performance computing (SLURM or AWS Batch)").values()
        if r.name == "High-Performance Computing"
    ]
    assert "AWS Batch" in hpc.aliases and "aws cloud" not in hpc.aliases


def test_dlp_and_arm_need_their_field():
    ct = parse_jd(
        "CT Technologist\n\nRequirements\n- Reviews CTDIvol and DLP against reference levels"
    )
    assert "Data Loss Prevention" not in {r.name for r in ct.requirements}
    sec = parse_jd(
        "Security Engineer\n\nRequirements\n- DLP policies for sensitive data in Purview"
    )
    assert "Data Loss Prevention" in {r.name for r in sec.requirements}
    pm = parse_jd("Community Manager\n\nPreferred\n- A CAM or ARM designation")
    assert "ARM Architecture" not in {r.name for r in pm.requirements}
    fw = parse_jd("Firmware Engineer\n\nRequirements\n- Experience with ARM and x86 assembly")
    assert "ARM Architecture" in {r.name for r in fw.requirements}


def test_a_credential_is_said_by_its_initials():
    reqs = _one_bullet("Current CST credential through the NBSTSA")
    cst = reqs["CST Credential"]
    assert cst.category == "education" and "CST" in cst.aliases
    # initials that read as a word could be a name said in passing
    assert "NATE" not in _one_bullet("NATE certification")["NATE Certification"].aliases


def test_prose_asks_named_by_a_noun_and_years_as_a_role():
    spec = parse_jd(
        "Sommelier\n\nThe ideal candidate has at least three years of experience as a floor "
        "sommelier in a fine-dining restaurant. You should be confident in food and wine "
        "pairing, and be comfortable with the math of a beverage program."
    )
    reqs = _by_name(spec)
    assert reqs["3+ years as a floor sommelier"].min_years == 3.0
    assert reqs["Food and Wine Pairing"].required


@pytest.mark.parametrize(
    ("bullet", "name", "category"),
    [
        (
            "Understanding of coordinate systems, datums and projections, including State Plane",
            "Coordinate systems, datums and projections",
            "skill",
        ),
        (
            "The ability to build and manage relationships with agents and brokers",
            "Build and manage relationships with agents and brokers",
            "skill",
        ),
        (
            "Perform surgical counts of sponges, sharps and instruments with the circulating RN "
            "according to AORN guidelines",
            "Perform surgical counts of sponges, sharps and instruments",
            "skill",
        ),
        (
            "Graduate of a CAAHEP- or ABHES-accredited surgical technology program",
            "Graduate of a CAAHEP- or ABHES-accredited surgical technology program",
            "education",
        ),
        ("iTero intraoral scanner experience", "iTero intraoral scanner", "skill"),
    ],
)
def test_a_listed_requirement_no_rule_reads_is_kept_in_the_jds_words(bullet, name, category):
    reqs = _one_bullet(bullet)
    assert name in reqs, list(reqs)
    assert reqs[name].category == category and reqs[name].required


@pytest.mark.parametrize(
    "bullet",
    [
        "Ability to stand for long periods and lift up to 35 pounds",
        "Your own basic hand tool set",
        "Willingness to travel up to 25% of the time",
    ],
)
def test_terms_of_work_in_a_list_are_no_skills(bullet):
    assert [r.category for r in _one_bullet(bullet).values()] == ["condition"]


def test_years_name_their_field_when_it_is_long_or_follows_experience_in():
    names = set(
        _one_bullet(
            "At least three years of commercial property and casualty underwriting experience"
        )
    )
    assert names == {"3+ years of commercial property and casualty underwriting experience"}
    assert set(
        _one_bullet("At least five years of experience in the construction trades, or plan review")
    ) == {"5+ years in the construction trades"}
    assert set(_one_bullet("3+ years of experience in the field")) == {"3+ years of experience"}


def test_hard_wrapped_prose_is_read_as_whole_sentences():
    wrapped = parse_jd(
        "Embedded Engineer\n\nYou will use Git every day, and we expect you to write clear\n"
        "documentation for our test and production teams. You need five years of embedded\n"
        "experience.\n"
    )
    names = {r.name for r in wrapped.requirements}
    assert "Write clear" not in names and "Technical Writing" in names
    assert "5+ years of embedded experience" in names


def test_what_a_sentence_expects_of_you_and_tools_you_know_your_way_around():
    spec = parse_jd(
        "Mortgage Loan Processor\n\nWe'll expect you to know your way "
        "around Encompass, to read and act on DU and LP findings, and to calculate and document "
        "qualifying income for salaried, hourly and self-employed borrowers, including tax "
        "returns. We need someone to join our team and travel weekly."
    )
    reqs = _by_name(spec)
    assert reqs["Encompass"].required
    assert reqs["Read and act on DU and LP findings"].required
    # cut at the first preposition after its head, not inside the list that follows
    assert "Calculate and document qualifying income" in reqs
    assert not any("travel" in n.lower() or "join" in n.lower() for n in reqs)


def test_fallback_reads_the_first_sentence_and_a_practice_that_starts_with_working():
    assert set(
        _one_bullet(
            "State Grade III Water Treatment Operator certification. Candidates holding Grade II "
            "may be hired as Operator II."
        )
    ) == {"State Grade III Water Treatment Operator certification"}
    assert "Working with the capital commitment desk" in _one_bullet(
        "Working with the capital commitment desk to price risk trades for clients within "
        "approved limits"
    )
    regs = _one_bullet("Current FINRA Series 7 and Series 63 registrations")
    assert regs["FINRA Series 7 and Series 63 registrations"].category == "education"
    assert _one_bullet("You like a fast pace: our dietitians see 14 to 18 patients a day") == {}
    assert "500 hours total flight time" in _one_bullet(
        "Minimum 500 hours total flight time, including at least 100 hours on multi-engine aircraft"
    )


def test_years_written_twice_and_an_age_is_no_experience():
    reqs = _one_bullet("Three (3) years of experience as a certified operator at a plant.")
    assert reqs["3+ years as a certified operator"].min_years == 3.0
    spec = parse_jd("Firefighter\n\nApplicants must be at least 18 years old and hold a license.")
    assert not [r for r in spec.requirements if r.category == "experience"]


def test_what_a_prose_sentence_demands_is_required():
    spec = parse_jd(
        "Seasonal Firefighter\n\nYou must pass the Work Capacity Test at the arduous level (a "
        "three-mile hike with a 45-pound pack) before the season, as well as a background check. "
        "We require completion of basic wildland firefighter training (S-130, S-190) or "
        "equivalent. Applications must be submitted by March 15. You must wear respiratory "
        "protection."
    )
    reqs = _by_name(spec)
    assert reqs["Pass the Work Capacity Test"].required
    done = reqs["Completion of basic wildland firefighter training"]
    assert done.required and done.category == "education"
    scored = [n for n, r in reqs.items() if r.scored]
    assert len(scored) == 2, scored  # no deadline; a term of work is only to confirm
    assert reqs["Wear respiratory protection"].category == "condition"


def test_years_in_a_setting_a_credential_held_and_a_chef_who_cooks():
    spec = parse_jd(
        "Sous Chef\n\nWe're looking for a Sous Chef to run the kitchen alongside our Head Chef. "
        "To be considered, you'll need at least three years in a busy fresh-food kitchen. You'll "
        "need to hold a Level 3 Award in Food Safety and Hygiene (or complete it before you "
        "start)."
    )
    reqs = _by_name(spec)
    assert reqs["3+ years in a busy fresh-food kitchen"].min_years == 3.0
    assert reqs["Level 3 Award in Food Safety and Hygiene"].category == "education"
    assert "Chef" not in reqs  # the configuration tool, in a kitchen
    devops = parse_jd("DevOps Engineer\n\nRequirements\n- Chef and Puppet for configuration")
    assert "Chef" in {r.name for r in devops.requirements}
    held = _one_bullet("Hold a current Washington RN license")
    assert "Washington RN license" in held


def test_years_a_sentence_demands_are_years_not_a_practice():
    spec = parse_jd(
        "Municipal Trader\n\nTo join the desk, candidates must have five years of experience in "
        "municipal bond trading and a good record."
    )
    assert [(r.name, r.category) for r in spec.requirements] == [
        ("5+ years in municipal bond trading", "experience")
    ]


def test_a_credential_a_prose_sentence_asks_the_candidate_to_hold():
    spec = parse_jd(
        "Official Court Reporter\n\nThe successful candidate holds a current state Certified "
        "Shorthand Reporter license or the NCRA Registered Professional Reporter (RPR) credential "
        "and can write at 225 words per minute. You'll need a current OLCC service permit and a "
        "real commitment to responsible service. You will need a laptop and a quiet room. "
        "Applicants must hold a valid driver's license."
    )
    reqs = _by_name(spec)
    csr = reqs["State Certified Shorthand Reporter license"]  # the first of the alternatives
    assert csr.required and csr.category == "education"
    assert reqs["OLCC service permit"].category == "education"
    assert not [n for n in reqs if "laptop" in n.lower()], list(reqs)
    # a short sentence of prose is read too: the licence is demanded, to hold (not a skill)
    assert reqs["Valid driver's license"].category in ("education", "condition")


def test_studio_headings_time_windows_months_and_a_drivers_license():
    spec = parse_jd(
        "Motion Designer\n\nThe gig\n- Build style frames and animatics from creative briefs\n\n"
        "You've got\n- Expert-level After Effects\n"
        "- Comfort taking and turning around client feedback over multiple rounds\n\n"
        "Bonus points\n- Cinema 4D\n"
    )
    reqs = _by_name(spec)
    assert reqs["Adobe After Effects"].required  # "You've got" lists requirements ...
    assert not [n for n, r in reqs.items() if "style frames" in n.lower() and r.required]
    assert "Taking and turning around client feedback over multiple rounds" in reqs  # no "Comfort"
    assert not reqs["Cinema 4D"].required
    driver = _by_name(
        parse_jd(
            "Regional Driver\n\nRequirements:\n- Valid Class A CDL\n"
            "- Minimum 12 months of verifiable Class A tractor-trailer experience within the last "
            "3 years\n- Clean MVR: no more than 2 moving violations in 3 years, no DUI in 7 years\n"
            "- Must obtain EMD certification within 12 months of hire\n"
        )
    )
    cdl = driver["Class A CDL"]
    assert cdl.category == "education" and "cdl" in cdl.aliases
    [exp] = [r for r in driver.values() if r.category == "experience"]  # a window is no tenure
    assert exp.min_years == 1.0 and "tractor-trailer" in exp.name
    assert driver["EMD certification"].category == "education"


def test_sea_time_in_months_and_a_certificate_said_by_its_initials():
    spec = _by_name(
        parse_jd(
            "Second Engineer\n\nMUST HAVE\n- Valid STCW III/2 Certificate of Competency\n"
            "- Minimum 24 months sea time as Second Engineer, including at least 12 months on DP2 "
            "vessels\n\nSend your CV, CoC and sea service record to crewing.\n"
        )
    )
    [exp] = [r for r in spec.values() if r.category == "experience"]
    assert exp.min_years == 2.0 and "sea time as Second Engineer" in exp.name, exp
    assert "CoC" in spec["Valid STCW III/2 Certificate of Competency"].aliases


def test_minimum_is_no_part_of_a_papers_name():
    spec = _by_name(parse_jd("Loan Officer\n\nRequirements\n- Minimum Diploma in Business, "
                             "Finance, Microfinance or a related field\n"))  # fmt: skip
    [diploma] = [r for n, r in spec.items() if n.startswith("Diploma")]
    assert not [n for n in spec if "Minimum" in n], spec
    assert "Business" not in diploma.aliases  # the word alone names no paper


def test_aws_in_a_welding_jd_is_the_welding_society():
    spec = parse_jd(
        "Structural Welder\n\nRequirements:\n- AWS D1.1 structural welding certification\n"
        "- Experience with FCAW and GMAW\n"
    )
    assert "Amazon Web Services" not in _by_name(spec)
    cloud = parse_jd("Backend Engineer\n\nRequirements:\n- AWS and Terraform in production\n")
    assert "Amazon Web Services" in _by_name(cloud)


def test_prose_terms_of_work_each_demand_of_a_sentence():
    spec = parse_jd(
        "Events Coordinator\n\nThe right person has at least two years of experience "
        "coordinating catered events. Most of our events happen on evenings and weekends, so "
        "weekend availability from April through October is a must, and you must be able to "
        "stand for long periods and lift up to 40 lbs. The role requires evenings and weekends; "
        "we are open Wednesday to Sunday."
    )
    conds = {r.name for r in spec.requirements if r.category == "condition"}
    assert conds == {
        "Weekend availability from April through October",
        "Stand for long periods and lift up to 40 lbs",
        "Evenings and weekends",
    }


def test_a_class_specification_reads_duties_and_ksas():
    spec = parse_jd(
        "Adult Probation Officer I\n\nDefinition\nUnder general supervision, supervises adult "
        "offenders placed on probation.\n\nExamples of Duties (illustrative only; any one "
        "position may not include all of the duties listed)\n1. Prepares petitions to revoke "
        "and violation reports.\n2. Performs other related duties as assigned.\n\nMinimum "
        "Qualifications\nBachelor's degree in criminal justice. A Master's degree in a related "
        "field may substitute for the required experience.\n\nKnowledge, Skills and "
        "Abilities\n- Knowledge of community resources\n\nSelection Process\nQualified "
        "applicants will be invited to a written exercise and a panel interview.\n"
    )
    reqs = _by_name(spec)
    required = {n for n, r in reqs.items() if r.required}
    assert "Community Resources" in required
    assert not any("Duties" in n or "Petitions" in n or "Written Exercise" in n for n in required)
    assert not any(r.name.startswith("Master's") and r.required for r in reqs.values())


def test_on_call_is_a_term_of_work_even_at_the_end_of_a_duty():
    spec = parse_jd(
        "Linux Systems Administrator\n\nResponsibilities\n- Monitor systems with Prometheus and "
        "Grafana, respond to alerts, and take part in a weekly on-call rotation\n\n"
        "Requirements\n- 3+ years administering Linux servers\n"
    )
    reqs = _by_name(spec)
    assert reqs["Take part in a weekly on-call rotation"].category == "condition"
    assert "Incident Management" not in reqs  # being on call is no incident management skill


def test_a_prose_jd_reads_degree_credential_and_contingencies_once():
    spec = parse_jd(
        "Medical Social Worker\n\nThis is a field-based position. You must have a valid "
        "Michigan driver's license, a reliable vehicle and current auto insurance; mileage is "
        "reimbursed. To be considered, you must hold a Master of Social Work from a "
        "CSWE-accredited program and have at least two years of social work experience in a "
        "healthcare setting. Employment is contingent on a criminal background check including "
        "fingerprinting, a TB screening and proof of required vaccinations."
    )
    reqs = _by_name(spec)
    assert reqs["Master of Social Work"].category == "education"
    assert reqs["Criminal background check"].category == "condition"
    licences = [n for n in reqs if "driver's license" in n.lower()]
    assert len(licences) == 1, licences


def test_an_example_preferred_in_an_aside_leaves_the_item_required():
    spec = parse_jd(
        "Customs Broker\n\nWhat you need:\n"
        "- Proficiency with ABI software (CargoWise strongly preferred) and the ACE portal\n"
        "- Fluency in Mandarin (preferred)\n"
        "- Experience with drawback (a plus, not a must)\n"
    )
    reqs = _by_name(spec)
    assert reqs["ABI software and the ACE portal"].required
    assert not any(r.required for n, r in reqs.items() if "Mandarin" in n or "rawback" in n)


def test_a_second_credential_held_an_age_and_a_process_to_understand():
    spec = parse_jd(
        "Medical Social Worker\n\nTo be considered, you must hold a Master of Social Work from "
        "a CSWE-accredited program and a current Michigan LMSW (limited license holders will "
        "be considered). You should understand the brewing process (mashing, lautering and "
        "boiling) and be comfortable with cellar work. Pay starts at $19 an hour. Must be 21 "
        "or older. A Master's degree in a related field may substitute for the required "
        "experience."
    )
    reqs = _by_name(spec)
    assert reqs["Current Michigan LMSW"].category == "education"
    assert reqs["Current Michigan LMSW"].required
    assert reqs["21 or older"].category == "condition"
    assert reqs["Brewing Process"].required
    assert not any("Substitute" in n for n in reqs)


def test_perks_under_a_playful_heading_and_a_class_specs_knowledge_lists():
    spec = parse_jd(
        "Senior Copywriter\n\nWhat you'll bring\n- 5+ years as a copywriter\n\n"
        "The good stuff\n- $110k-$130k + super\n- 16 weeks' paid parental leave\n"
        "- Dog-friendly office (say hi to Biscuit)\n\n"
        "MINIMUM QUALIFICATIONS\nKnowledge of: indicators of child abuse and neglect; state "
        "child protection statutes; trauma-informed and culturally responsive practice.\n"
        "SPECIAL REQUIREMENTS\nPossession of a valid driver's license; use of a personal vehicle "
        "is required (mileage reimbursed). Participation in the after-hours on-call rotation is "
        "a condition of employment.\n"
    )
    reqs = _by_name(spec)
    assert not any("$" in n or "leave" in n.lower() or "Dog" in n for n in reqs), list(reqs)
    assert reqs["Indicators of Child Abuse"].required
    assert "Trauma-informed and culturally responsive practice" in reqs
    assert reqs["Use of a personal vehicle"].category == "condition"
    on_call = reqs["Participation in the after-hours on-call rotation"]
    assert on_call.category == "condition" and "Participation" not in reqs
    # a cue in a later part of a bullet leaves its first part required
    spoken = parse_jd(
        "Dispatcher\n\nRequirements\n"
        "- Clear spoken English; bilingual candidates are encouraged to apply\n"
    )
    assert all(r.required for r in spoken.requirements if "English" in r.name)


def test_a_degree_field_list_ends_without_its_comma():
    spec = parse_jd(
        "Investigator\n\nMINIMUM QUALIFICATIONS\nEducation: Bachelor's degree in social work, "
        "psychology, sociology, criminal justice, or a closely related human services field.\n"
    )
    [degree] = [r.name for r in spec.requirements if r.category == "education"]
    assert degree.startswith("Bachelor's Degree in Social Work") and not degree.endswith(","), (
        degree
    )


def test_strict_adherence_to_procedures_names_the_procedures():
    spec = parse_jd(
        "Elevator Mechanic\n\nRequirements\n- Strict adherence to lockout/tagout, hoistway "
        "access and fall protection procedures\n"
    )
    reqs = _by_name(spec)
    assert "Lockout/Tagout" in reqs and "Strict Adherence" not in reqs, list(reqs)


def test_what_someone_who_can_do_it_must_do_is_asked_for():
    spec = parse_jd(
        "Sonographer\n\nYou will be the first set of eyes on very sick patients, so we need "
        "someone who can produce diagnostic images efficiently, recognize critical findings, "
        "and communicate them to the radiologist right away."
    )
    reqs = _by_name(spec)
    assert reqs["Recognize critical findings"].required
    assert "Produce diagnostic images efficiently" in reqs


def test_selection_criteria_why_us_perks_and_availability():
    spec = parse_jd(
        "Disability Support Worker\n\nKey selection criteria (essential)\n"
        "- Experience with personal care and safe manual handling\n"
        "- Availability for a rotating roster including weekends, sleepovers and active nights\n"
        "- Availability for rotating evenings and weekends; ability to stand for long periods "
        "and lift up to 30 lbs\n\n"
        "Desirable\n- Auslan, Makaton or a second language\n\n"
        "Why Coastline?\n- Paid training and a structured induction\n"
        "- Career pathways to Team Leader\n- Vehicle allowance for client transport\n"
    )
    reqs = _by_name(spec)
    assert reqs["Personal Care"].required and reqs["Safe Manual Handling"].required
    # availability is a term of work to confirm, not a skill to evidence
    assert "Availability" not in reqs
    terms = [r for r in spec.requirements if r.category == "condition"]
    assert any(r.name.startswith("Availability for a rotating roster") for r in terms), terms
    assert any("lift up to 30 lbs" in r.name for r in terms), terms
    # the employer selling itself asks for nothing
    assert not any(w in n for n in reqs for w in ("Training", "Pathways", "Allowance")), list(reqs)


def test_credentials_named_by_what_they_register_and_fields_named_by_an_ing_word():
    spec = parse_jd(
        "Environmental Health Specialist II\n\nMINIMUM QUALIFICATIONS\nLicense/Certificate: "
        "Valid registration as a Registered Environmental Health Specialist (REHS) issued by "
        "the California Department of Public Health. Valid California Class C driver license.\n"
    )
    reqs = _by_name(spec)
    rehs = reqs["Registered Environmental Health Specialist"]
    assert rehs.category == "education" and rehs.required and "REHS" in rehs.aliases
    assert "C" not in reqs, list(reqs)  # a licence class, not the language
    listed = _by_name(
        parse_jd(
            "Engineer\n\nRequirements\n- Licensure as a Professional Engineer in Ohio\n"
            "- Valid registration as a Registered Dietitian (RD)\n"
        )
    )
    assert listed["Professional Engineer"].category == "education", list(listed)
    assert listed["Registered Dietitian"].category == "education"
    spec = parse_jd(
        "Climbing Arborist\n\nRequirements\n- Strong working knowledge of rigging: friction "
        "devices (Port-a-Wrap, GRCS), blocks, slings, and estimating loads\n\nWhat we need:\n"
        "- Solid baker's math: baker's percentages, scaling formulas, desired dough temperature\n"
    )
    reqs = _by_name(spec)
    assert reqs["Rigging"].required
    assert reqs["Baker's Math"].required  # "desired dough temperature" is no nice-to-have cue
    spec = parse_jd(
        "Hydrographic Surveyor\n\nYou must hold, or be able to obtain before your first "
        "mobilisation, STCW Basic Safety Training (or the Transport Canada equivalent: Marine "
        "Basic First Aid and MED A1) and, for our offshore work, BST/HUET.\n"
    )
    assert "STCW Basic Safety Training" in _by_name(spec), list(_by_name(spec))


def test_products_a_prose_jd_names_after_the_practice_they_serve():
    spec = parse_jd(
        "Senior Hydrographic Surveyor\nBluewater Geomatics | $92,000-$112,000 CAD base\n\n"
        "You know your way around modern multibeam echosounders - Kongsberg EM series, "
        "Teledyne Reson or R2Sonic. You're fluent with acquisition in QINSy or HYPACK and with "
        "processing in CARIS HIPS and SIPS or QPS Qimera. You understand the IHO S-44 "
        "standards. You work with editors in Frame.io and Slack.\n"
    )
    reqs = _by_name(spec)
    for name in ("Kongsberg EM", "Teledyne Reson or R2Sonic", "CARIS HIPS", "SIPS or QPS Qimera"):
        assert name in reqs, (name, list(reqs))
    # either product will do: one requirement, matched by each name
    either = reqs["QINSy or HYPACK"]
    assert either.required and {"QINSy", "HYPACK"} <= set(either.aliases)
    assert "Qimera" in reqs["SIPS or QPS Qimera"].aliases  # the product without its vendor
    assert "IHO S-44 Standards" in reqs
    assert "CAD" not in reqs  # the salary's currency
    assert "Frame" not in reqs  # a dotted name is not cut at its dot


def test_a_class_specs_codes_and_special_requirements_name_no_skill():
    spec = parse_jd(
        "COUNTY OF ALDER\nCLASS SPECIFICATION\n\nCLASS TITLE: PARKS MAINTENANCE WORKER II\n"
        "Class Code: 3120   Bargaining Unit: 4   FLSA: Non-exempt   Est.: 05/2011\n\n"
        "DISTINGUISHING CHARACTERISTICS\nJourney level in the Parks Maintenance series.\n\n"
        "MINIMUM QUALIFICATIONS\nEducation and Experience: High school diploma AND two (2) "
        "years of grounds maintenance experience.\n"
        "ABILITY TO: operate mowers and small engines; apply pesticides safely.\n"
        "SPECIAL REQUIREMENTS: Work early mornings and holidays as assigned. Exposure to dust, "
        "noise and extreme heat. Participation in the storm response rotation.\n"
    )
    reqs = _by_name(spec)
    assert not any(n.isupper() or "Journey" in n or "Law" in n for n in reqs), list(reqs)
    assert all(a[:1].isalpha() for r in spec.requirements for a in r.aliases), [
        r.aliases for r in spec.requirements
    ]
    exposure = reqs["Exposure to dust, noise and extreme heat"]
    assert exposure.category == "condition" and exposure.weight == 0
    assert reqs["Participation in the storm response rotation"].category == "condition"
    assert "Participation" not in reqs and "Dust" not in reqs


def test_duties_under_what_youll_be_doing_and_years_said_with_an_apostrophe():
    spec = parse_jd(
        "Tower Crane Operator\n\nWhat you'll be doing\n"
        "- Carrying out daily pre-start inspections and keeping the crane logbook up to date\n"
        "- Taking part in site inductions and toolbox talks\n\n"
        "You have\n- A current High Risk Work Licence (tower crane)\n"
        "- At least 3 years' experience operating tower cranes on high-rise sites\n"
        "- The ability to read and work to lift plans, load charts and wind limits\n"
        "- The ability to pass a pre-employment medical and drug and alcohol testing, and to "
        "climb the mast every day\n"
    )
    reqs = _by_name(spec)
    # what the job does is not what it needs
    assert not any(n.startswith(("Carrying", "Taking")) for n in reqs if reqs[n].required), list(
        reqs
    )
    licence = next(r for n, r in reqs.items() if n.endswith("High Risk Work Licence"))
    assert licence.category == "education"
    assert reqs["3+ years of experience operating tower cranes"].min_years == 3
    plans = next(r for n, r in reqs.items() if "lift plans" in n)
    assert plans.category == "skill" and plans.weight > 0 and plans.name != "Read and work"
    medical = next(r for n, r in reqs.items() if "medical" in n)
    assert medical.category == "condition" and not medical.name.endswith("and")
    prof = parse_jd(
        "Narrative Designer\n\nWhat you'll bring\n"
        "- At least 3 years' professional experience in narrative design or game writing\n"
        "- Hands-on experience with branching-dialogue tools such as articy:draft, Ink, Yarn "
        "Spinner or a proprietary equivalent\n"
        "- Generosity as a collaborator: you can take notes without flinching\n"
        "- Competent user of IPS (or an equivalent case management system)\n"
        "- Diploma or higher in any discipline\n"
        "- Proficiency in at least one departure control system, e.g. Amadeus Altea, SITA DCS "
        "or NetLine/Load\n- Sound knowledge of load control manuals\n"
        "- North Carolina Department of Agriculture & Consumer Services pesticide applicator "
        "license (Ornamentals & Turf)\n"
    )
    reqs = _by_name(prof)
    assert "3+ years in narrative design or game writing" in reqs
    tools = reqs["Branching-dialogue tools"]
    assert {"Ink", "Yarn Spinner"} <= set(tools.aliases) and "Yarn" not in reqs
    assert "Teamwork" in reqs and "Generosity" not in reqs
    assert "IPS" in reqs and reqs["Diploma"].category == "education"
    dcs = reqs["Departure control system"]
    assert "SITA DCS" in dcs.aliases and "Load" not in dcs.aliases
    assert "Distributed Control Systems" not in reqs
    assert reqs["Pesticide applicator license"].category == "education"


def test_a_prose_jd_names_a_degree_a_membership_and_a_certificate_held():
    spec = parse_jd(
        "Physiotherapist\n\nYou'll hold a Bachelor of Physiotherapy, or an overseas "
        "qualification recognised by the Physiotherapy Board. You must be a full member of "
        "Physiotherapy New Zealand with a current Certificate of Practice, and you'll have at "
        "least two years' clinical experience. We need you to have demonstrated experience in "
        "vestibular assessment, and to run your own clinic list.\n"
    )
    reqs = _by_name(spec)
    assert reqs["Bachelor's Degree"].category == "education"
    assert _by_name(parse_jd("Audiologist\n\nYou'll hold a Master of Audiology.\n"))[
        "Master of Audiology"
    ].required
    assert reqs["Certificate of Practice"].category == "education"
    assert reqs["Physiotherapy New Zealand membership"].category == "education"
    assert reqs["Vestibular assessment"].required
    assert not any(n.startswith("Of ") for n in reqs), list(reqs)


def test_time_on_a_machine_names_the_machine_and_initials_used_elsewhere_alias_a_name():
    spec = parse_jd(
        "Crane Operator\n\nYou have\n- A current High Risk Work Licence, class CT\n"
        "- Current First Aid\n\nBonus points\n- Time on Liebherr luffing cranes\n\n"
        "Send us a copy of your HRWL.\n"
    )
    reqs = _by_name(spec)
    assert "Liebherr Luffing Cranes" in reqs and "Time" not in reqs
    assert "HRWL" in reqs["High Risk Work Licence"].aliases
    # initials no name stands for alias nothing: "First Aid" is no "FAC"
    assert reqs["First Aid"].aliases == ()


def test_a_job_boards_profile_heading_particulars_and_employer_headings():
    spec = parse_jd(
        "Vessel Planner\nDepartment: Marine Operations\nClosing date: midnight, Sunday 14 "
        "September\nEducation: UG: B.Sc. Nautical Science\n\nAbout Vertex\nFor 14 years we've "
        "been putting skilled techs on ropes.\n\nThe problem we solve\nWhen a procurement "
        "official's phone holds the WhatsApps, our clients need evidence.\n\n"
        "Desired Candidate Profile:\n- Working knowledge of ship stability\n- Proficiency in "
        "MS Excel\n- Reports that a judge and an HR manager can both understand\n"
        "- Competent in CTG interpretation\n- Proficient use of electronic patient records\n"
        "- Safeguarding training, with annual PROMPT (or equivalent) attendance\n"
        "- BOSIET/FOET with CA-EBS\n\nGood to have\n- Keen to progress to L3\n"
    )
    reqs = _by_name(spec)
    assert reqs["Ship Stability"].required and reqs["Excel"].required
    for absent in ("Marine Operations", "Closing Date", "UG", "Keen", "Human Resources",
                   "Amazon EBS"):  # fmt: skip
        assert absent not in reqs, (absent, list(reqs))
    assert not reqs["Procurement"].required  # what the work is about, not what it needs
    assert not any(r.category == "experience" for r in reqs.values())  # the company's 14 years
    assert "CTG Interpretation" in reqs and "Electronic patient records" in reqs
    assert all("equivalent" not in a for r in reqs.values() for a in r.aliases)
    # "ROS" is a robot's operating system only where the JD speaks of robots
    legal = _by_name(parse_jd("Solicitor\n\nRequirements\n- E-stamping through ROS\n"))
    assert "Robotics" not in legal


def test_prose_lists_what_it_asks_item_by_item():
    spec = parse_jd(
        "Associate Solicitor\n\nThe successful candidate will be a solicitor admitted to the "
        "Roll and holding a current practising certificate. You will have a thorough working "
        "knowledge of the Law Society's Conditions of Sale and Requisitions on Title, the land "
        "registration system, the Family Home Protection Act 1976 and the related statutory "
        "declarations. Sound anti-money laundering practice is essential, as is experience of "
        "working on a practice management system (we use Keyhouse). You should be fluent in "
        "interpreting NWP output, skilled in using radar and satellite data for nowcasting. "
        "You should be confident using SyncOnSet or a similar inventory platform. We need "
        "someone who has led a sizeable crew through a long shoot. You must be a member of, or "
        "eligible to join, the appropriate IATSE local, and you will need a valid driver's "
        "license. It would be an asset if you have experience scripting in Python.\n"
    )
    reqs = _by_name(spec)
    for name in ("Practising certificate", "Conditions of Sale", "Land Registration System",
                 "Family Home Protection Act 1976", "Working on a practice management system",
                 "SyncOnSet", "Led a sizeable crew through a long shoot", "IATSE membership"):  # fmt: skip
        assert reqs[name].required, (name, list(reqs))
    assert "Interpreting NWP Output" in reqs
    assert not reqs["Python"].required  # "It would be an asset if ..."
    assert "Law Society's Conditions of Sale" not in reqs


def test_headings_of_a_prose_posting_the_work_and_whom_it_needs():
    spec = parse_jd(
        "Costume Supervisor\n\nWhat the job is\nYou will manage rentals, including negotiating package rates "
        "with costume houses.\n\nWho we're looking for\nYou must have built and managed a costume budget.\n\n"
        "Non-negotiables\n- Reports that a judge can understand\n"
    )
    reqs = _by_name(spec)
    assert not reqs["Negotiation"].required  # the work, not what it needs
    assert "Reports" in reqs and not any("Judge" in n for n in reqs), list(reqs)


def test_a_credentials_level_said_short_and_a_medical_is_a_term_of_work():
    reqs = _by_name(
        parse_jd(
            "Rope Access Technician\n\nWhat you need\n- Current IRATA Level 2 or Level 3 "
            "certification\n- Ability to pass a pre-employment medical, including drug and "
            "alcohol screening\n"
        )
    )
    irata = next(r for n, r in reqs.items() if "IRATA" in n)
    assert {"IRATA L2", "IRATA L3"} <= set(irata.aliases)
    medical = next(r for n, r in reqs.items() if "medical" in n)
    assert medical.category == "condition"


def test_a_licence_class_is_said_alone():
    reqs = _by_name(
        parse_jd(
            "Tower Crane Operator\n\nYou have\n- A current High Risk Work Licence — class CT "
            "(tower crane)\n- Heavy Rigid licence (class HR) or above\n- 3+ years of tower crane "
            "operation\n"
        )
    )
    assert {"class CT", "CT"} <= set(reqs["High Risk Work Licence"].aliases)
    # "HR" is said in talk for something else: only "class HR"
    hr = set(reqs["Heavy Rigid Licence"].aliases)
    assert "class HR" in hr and "HR" not in hr, hr


def test_names_said_alone_a_slash_pair_a_list_a_generic_tail_and_the_product_in_use():
    reqs = _by_name(
        parse_jd(
            "Offshore Inspection Technician\n\nWhat you need\n- BOSIET/FOET\n"
            "- Navis N4 / SPARCS\n- Order/Execution Management System\n"
            "- A solid understanding of permit-to-work, JSAs and rope rescue planning\n\n"
            "You will have a working knowledge of the undertaking procedures, stamp duty and "
            "the Local Property Tax requirements. Sound record keeping is essential, as is "
            "experience of working on a practice management system (we use Keyhouse).\n"
        )
    )
    assert {"BOSIET", "FOET"} <= set(reqs["BOSIET/FOET"].aliases)
    # Navis's two terminal operating systems are one name the vocabulary knows
    assert "SPARCS" in reqs["Navis N4"].aliases
    # one slash inside a longer name shares the words after it: "Order" names nothing alone
    oms = next(r for n, r in reqs.items() if n.startswith("Order/"))
    assert "Order" not in oms.aliases
    permits = next(r for n, r in reqs.items() if "JSAs" in n)
    assert {"JSA", "Rope Rescue Planning"} <= set(permits.aliases)
    assert "undertaking" in reqs["Undertaking Procedures"].aliases
    assert "local property tax" in reqs["Local Property Tax Requirements"].aliases
    assert "Keyhouse" in reqs["Working on a practice management system"].aliases


def test_a_list_without_a_comma_and_a_degrees_fields_give_no_part_aliases():
    reqs = _by_name(
        parse_jd(
            "Demand Planner\n\nRequirements\n- Experience in forecasting or sales and "
            "operations planning\n- Bachelor's degree in Geography, Civil Engineering or "
            "Urban Planning\n- Experience designing lateral systems\n"
        )
    )
    for r in reqs.values():
        assert "Operations Planning" not in r.aliases, r
        assert "designing lateral" not in r.aliases, r
        if r.category == "education":
            assert "Civil Engineering" not in r.aliases, r


def test_what_is_on_offer_is_no_requirement_and_a_ticket_is_held_not_a_term():
    reqs = _by_name(
        parse_jd(
            "Advanced Scaffolder\n\nMust haves\n- Current Working at Heights ticket\n"
            "- Current WA driver's licence and reliable transport to site\n"
            "- Full Australian working rights\n\nWhat's on offer\n"
            "- Permanent full-time position\n- Site allowance on top of hourly rate\n"
            "- Ticket upgrades paid for by us\n"
        )
    )
    assert reqs["Working at Heights ticket"].category == "education"
    assert not any(r.category == "skill" for r in reqs.values()), list(reqs.items())
    assert not any("Position" in n or "Allowance" in n or "upgrades" in n for n in reqs), list(reqs)


def test_a_grade_is_no_language_and_why_the_employer_is_no_requirement():
    reqs = _by_name(
        parse_jd(
            "Anatomical Pathology Technologist\n\nEssential\n- Good standard of general "
            "education, including GCSE English and Maths (grade C/4 or above)\n- Current "
            "Working at Heights ticket\n\nWhy Buckeye\n- Medical, dental and vision\n"
            "- 18 days PTO plus 8 paid holidays\n"
        )
    )
    assert "C" not in reqs and not any("C" in r.aliases for r in reqs.values()), list(reqs)
    assert not any("PTO" in n or "Medical" in n for n in reqs), list(reqs)
    assert "Working at Heights" in reqs["Working at Heights ticket"].aliases


def test_a_level_said_either_way_leads_the_name_not_its_or():
    reqs = _by_name(parse_jd("Scaffolder\n\nNice to haves\n- Basic or Intermediate Rigging\n"))
    assert "Intermediate Rigging" in reqs and not any(n.startswith("Or ") for n in reqs), reqs


def test_a_standard_the_work_follows_is_no_tool():
    reqs = _by_name(
        parse_jd(
            "Rope Access Technician\n\nWhat you'll be doing\n"
            "- Rigging and working on rope in line with the IRATA ICOP and AS/NZS 4488\n"
            "- Apply Scaff-tags in accordance with AS/NZS 4576\n\nRequirements\n"
            "- Experience with Layher Allround or Kwikstage\n"
        )
    )
    assert not {"AS", "NZS 4488", "NZS 4576"} & set(reqs), list(reqs)
    # a bare "with" still names the tool the work is done with
    assert any("Kwikstage" in n for n in reqs), list(reqs)


def test_a_credential_is_said_by_initials_the_jd_never_wrote():
    reqs = _by_name(
        parse_jd(
            "Advanced Scaffolder\n\nMust haves\n"
            "• High Risk Work Licence – Advanced Scaffolding (SA)\n"
            "• Multi-Engine Instrument Rating\n• Bachelor's Degree in Civil Engineering\n"
            "• Confined Space Entry and Gas Test Atmospheres\n"
        )
    )
    assert "HRWL" in reqs["High Risk Work Licence"].aliases
    # initials that read as a word ("MEIR") or a degree's are no name people say
    said = {a for r in reqs.values() for a in r.aliases}
    assert not {"MEIR", "BDCE"} & said, said
    # a ticket said short: "Confined space and gas test, August last year"
    assert "confined space" in reqs["Confined Space Entry"].aliases
    assert "gas test" in reqs["Gas Testing"].aliases


def test_a_list_of_names_under_an_english_heading_is_english():
    spec = parse_jd(
        "Scaffolder\n\nMust haves\n• High Risk Work Licence – Advanced Scaffolding (SA)\n"
        "• Texas Journeyman Plumber License\n• DOT Medical Card\n"
    )
    assert spec.language == "en" and len(spec.requirements) == 3, spec
    # a list in another language is still not English
    spec = parse_jd(
        "Ingeniero de datos\n\nRequisitos\n• Experiencia en Python y PostgreSQL\n"
        "• Trabajo en equipo\n• Inglés avanzado\n"
    )
    assert spec.language == "unknown"


def test_a_licence_class_before_its_word_is_no_language():
    reqs = _by_name(
        parse_jd("Fitter\n\nWhat you'll need\n- A current manual C class driver's licence\n")
    )
    assert "C" not in reqs and any("Licence" in n for n in reqs), list(reqs)


def test_you_will_have_lists_requirements_and_a_wish_heading_optional_ones():
    spec = parse_jd(
        "Paramedic\nPalmerston North, with cover across Feilding, Dannevirke and rural areas\n\n"
        "About the role\nYou will assess, treat, refer or transport patients.\n\n"
        "You will have\n• A full New Zealand Class 1 driver licence\n"
        "• Sound clinical assessment and decision-making\n\n"
        "It would be great if you also have\n• Te reo Māori\n"
        "• Experience precepting or mentoring student paramedics\n"
    )
    reqs = _by_name(spec)
    # the towns the job covers are no products
    assert not {"Dannevirke", "Palmerston North"} & set(reqs), list(reqs)
    assert reqs["Full New Zealand Class 1 driver licence"].required
    assert not reqs["Te Reo Māori"].required
    assert not any(r.required for n, r in reqs.items() if "precepting" in n.lower()), reqs


def test_two_licences_named_before_one_plural_are_one_credential():
    reqs = _one_bullet("Current Ohio Funeral Director and Embalmer licenses")
    assert list(reqs) == ["Ohio Funeral Director and Embalmer Licenses"], list(reqs)
    assert reqs["Ohio Funeral Director and Embalmer Licenses"].category == "education"


def test_models_listed_as_examples_are_the_requirements_not_one_of_their_own():
    reqs = _one_bullet(
        "Hands-on experience with large haul trucks (Komatsu 830E/930E or CAT 789/793/797)"
    )
    assert list(reqs) == ["Large Haul Trucks"], list(reqs)
    assert {"930E", "793"} <= set(reqs["Large Haul Trucks"].aliases)


def test_a_levelled_qualification_keeps_its_field_and_is_said_short():
    reqs = _one_bullet(
        "Certificate III in Roof Plumbing (CPC31420) or equivalent trade qualification"
    )
    cert = reqs["Certificate III in Roof Plumbing"]
    assert cert.category == "education", cert
    assert {"CPC31420", "Cert III in Roof Plumbing", "Cert Three Roof Plumbing", "Cert 3 Roof Plumbing"} <= set(cert.aliases)  # fmt: skip
    # the field is the words in capitals, not what follows them
    reqs = _one_bullet("Certificate III in Roof Plumbing or equivalent trade qualification")
    assert "Certificate III in Roof Plumbing" in reqs, list(reqs)
    # after a lead, with the alternatives it lists
    reqs = _one_bullet(
        "A recognised trade qualification: Certificate III in Heavy Commercial Vehicle "
        "Mechanical Technology, Certificate III in Mobile Plant Technology, or equivalent"
    )
    [name] = list(reqs)
    assert name == "Certificate III in Heavy Commercial Vehicle Mechanical Technology"
    assert "Cert III Mobile Plant Technology" in reqs[name].aliases


def test_a_papers_class_or_issuer_in_words_is_no_alias_its_code_is():
    reqs = _one_bullet("QBCC licence (Roof and Wall Cladding)")
    assert not {"Roof", "Wall Cladding"} & set(reqs["QBCC Licence"].aliases), reqs
    reqs = _one_bullet("Current ACLS (American Heart Association)")
    assert "American Heart Association" not in reqs["ACLS"].aliases
    reqs = _one_bullet("Professional Geoscientist licence (P.Geo or P.Eng)")
    assert {"P.Geo", "P.Eng"} & {a for r in reqs.values() for a in r.aliases}, reqs
    # a degree's field in parentheses is the degree's
    reqs = _one_bullet("Bachelor's degree (Paramedicine)")
    assert any("Paramedicine" in (r.name, *r.aliases) for r in reqs.values()), reqs


def test_a_licence_class_inside_its_name_is_said_alone():
    reqs = _one_bullet("Full New Zealand Class 2 driver licence with an F endorsement")
    assert "class 2" in reqs["Full New Zealand Class 2 driver licence"].aliases
    assert "class A" in _one_bullet("Class A CDL")["Class A CDL"].aliases


def test_initials_after_my_are_a_paper_held_in_speech():
    vocab = load_vocabulary()

    def said(text: str) -> list[str]:
        return [m.entry.name for m in vocab.find_mentions(text, speech=True)]

    assert "Master of Social Work" in said("So I finished my MSW at Western Michigan in 2021.")
    # lower case, or without "my", is no such sign
    assert not said("So I finished my msw at Western Michigan.")
    assert not said("I finished the MSW at Western Michigan.")


def test_a_part_of_a_laws_name_is_no_skill():
    spec = parse_jd(
        "Straddle Carrier Operator\n\nYou'll take an active part in toolbox talks and incident "
        "reporting under the Health and Safety at Work Act 2015. A strong safety record and a "
        "sound understanding of working around people and plant are essential.\n"
    )
    names = [r.name for r in spec.requirements]
    assert "Health and Safety" not in names, names
    # each thing a demand names is a requirement of its own
    assert "Safety record" in names, names
    assert any(n.startswith("Working around people and plant") for n in names), names
    # a law's name of its own is kept; a part of another is not a product
    reqs = _one_bullet("Working knowledge of the Safe Drinking Water Act and state regulations")
    assert "Safe Drinking Water Act" in reqs, list(reqs)
    spec = parse_jd(
        "Inspector\n\nDuties\n- Inspect facilities for compliance with the California Retail "
        "Food Code, Health and Safety Code and County Ordinance\n"
    )
    assert not {"Health", "Health and Safety", "Safety Code"} & {r.name for r in spec.requirements}


def test_a_law_is_asked_for_by_its_whole_name():
    spec = parse_jd(
        "Fire Safety Inspecting Officer\n\nESSENTIAL CRITERIA\n"
        "1. Be able to demonstrate a working knowledge of the Fire and Rescue Services (Northern "
        "Ireland) Order 2006 and the Fire Safety Regulations (Northern Ireland) 2010.\n"
        "2. Knowledge of the Insolvency Act 1986, Insolvency (England and Wales) Rules 2016.\n"
        "3. Understanding of the Health and Safety at Work etc. Act 1974.\n"
    )
    reqs = _by_name(spec)
    for name, said in (
        (
            "Fire and Rescue Services (Northern Ireland) Order 2006",
            "Fire and Rescue Services Order",
        ),
        ("Fire Safety Regulations (Northern Ireland) 2010", "Fire Safety Regulations"),
        ("Insolvency Act 1986", "Insolvency Act"),
        ("Insolvency (England and Wales) Rules 2016", "Insolvency Rules"),
        ("Health and Safety at Work etc. Act 1974", "Health and Safety at Work Act"),
    ):
        assert reqs[name].required and said in reqs[name].aliases, (name, list(reqs))
    assert not {"Northern Ireland", "Order 2006", "Rules 2016", "Health"} & set(reqs), list(reqs)
    # (its initials, where the JD uses them, name it too)
    spec = parse_jd(
        "APT\n\nEssential\n- Knowledge of the Human Tissue Act 2004 and the codes of practice\n"
        "\nThe post is licensed by the HTA.\n"
    )
    assert "HTA" in _by_name(spec)["Human Tissue Act 2004"].aliases


def test_papers_said_by_issuer_field_or_level_and_work_rights_are_terms():
    reqs = _one_bullet("A NatureScot bat survey licence (or Natural England CL18 Level 2)")
    assert "naturescot licence" in {a.lower() for r in reqs.values() for a in r.aliases}, reqs
    reqs = _one_bullet("A degree in ecology, zoology, environmental science or a related subject")
    [degree] = reqs.values()
    assert {"zoology degree", "degree in ecology"} <= set(degree.aliases), degree
    reqs = _one_bullet("Bachelor's degree in Civil or Structural Engineering")
    [degree] = reqs.values()
    assert "civil engineering degree" in degree.aliases, degree
    reqs = _one_bullet("Experience writing PEAs")
    assert "PEAs" in reqs["Writing PEAs"].aliases, reqs
    reqs = _one_bullet(
        "NZ Certificate in Automotive Engineering (Level 4), or an equivalent recognised trade "
        "qualification"
    )
    cert = reqs["NZ Certificate in Automotive Engineering"]
    assert cert.category == "education" and "Level 4" in cert.aliases, cert
    assert "NZ" not in cert.aliases
    for text in ("Eligibility to work in New Zealand", "Legal right to work in the UK"):
        [req] = _one_bullet(text).values()
        assert req.category == "condition", (text, req)
    # "automotive A/C work" names no C
    assert "C" not in _one_bullet("Refrigerant Certificate of Proficiency for automotive A/C work")
    reqs = _one_bullet("Field experience of otter, badger and water vole survey methods")
    assert not any(n.startswith("Field") for n in reqs), list(reqs)


def test_a_practices_listed_objects_and_a_licence_class_code_name_them():
    reqs = _one_bullet(
        "Experience installing and working from edge protection, static lines and fall-arrest "
        "harness systems"
    )
    [req] = reqs.values()
    assert {"edge protection", "static lines"} <= set(req.aliases), req
    reqs = _one_bullet("EWP yellow card; WP high risk work licence for booms over 11 m")
    assert "WP" in reqs["WP High Risk Work Licence"].aliases, reqs
    # an aside of examples is no list of objects
    reqs = _one_bullet("Participate in the standby rotation and callout, including storms, nights")
    assert not any("including storms" in a for r in reqs.values() for a in r.aliases), reqs


def test_a_paper_held_with_a_body_is_one_requirement_named_by_its_initials():
    reqs = _one_bullet(
        "Current registration in good standing with the College of Medical Radiation and "
        "Imaging Technologists of Ontario (CMRITO) as an MRT(T)"
    )
    assert list(reqs) == ["CMRITO Registration"], list(reqs)
    assert reqs["CMRITO Registration"].category == "education"
    assert "T" not in reqs["CMRITO Registration"].aliases
    reqs = _one_bullet(
        "Certification with the Canadian Association of Medical Radiation Technologists (CAMRT) "
        "in Radiation Therapy"
    )
    assert list(reqs) == ["CAMRT Certification in Radiation Therapy"], list(reqs)


def test_a_requirement_named_by_initials_the_jd_spells_out_elsewhere_is_said_in_words():
    spec = parse_jd(
        "Radiation Therapist\n\nKey Responsibilities\n- Perform image-guided radiation therapy "
        "(IGRT), including kV/kV and CBCT acquisition\n\nRequired Qualifications\n- Demonstrated "
        "proficiency with IGRT, including CBCT matching\n- Python\n"
    )
    igrt = _by_name(spec)["IGRT"]
    assert "image-guided radiation therapy" in {a.lower() for a in igrt.aliases}, igrt


def test_a_designation_after_registered_is_said_alone_and_a_level_without_the_word():
    spec = parse_jd(
        "Project Geologist\n\nRequirements\n- Registered P.Geo. (or eligible for registration) "
        "with PGO or OGQ\n- SVQ Level 3 in Carpentry & Joinery\n"
    )
    aliases = {a for r in spec.requirements for a in (r.name, *r.aliases)}
    assert "P.Geo" in aliases and "SVQ 3" in aliases, spec.requirements


def test_an_assets_heading_and_an_aside_that_is_an_advantage():
    spec = parse_jd(
        "Project Geologist\n\nMust have\n\n- Proficiency in Leapfrog Geo.\n"
        "- Advanced working knowledge of Opera PMS (Opera Cloud an advantage)\n\nAssets\n\n"
        "- Working knowledge of French.\n- Demonstrable experience with MX Deposit.\n"
    )
    req = {r.name: r.required for r in spec.requirements}
    assert req.get("Leapfrog Geo") and req.get("Opera PMS"), req
    assert req.get("French") is False, req


def test_a_prose_jd_demands_a_registration_an_ability_and_a_vetting():
    spec = parse_jd(
        "Teacher of Mathematics\n\nEssential requirements\n\nApplicants must be registered with "
        "the Teaching Council of Ireland under Route 2 (Post-Primary), with Mathematics as a "
        "recognised curricular subject. Candidates must be qualified and able to teach "
        "Mathematics to Higher Level Leaving Certificate. Appointment is subject to satisfactory "
        "Garda vetting in accordance with Teaching Council procedures.\n"
    )
    reqs = _by_name(spec)
    reg = reqs["Teaching Council of Ireland registration"]
    assert reg.required and reg.category == "education"
    assert "Teaching Council of Ireland" in reg.aliases  # said by the body's name
    assert reqs["Teach Mathematics to Higher Level Leaving Certificate"].required
    vetting = reqs["Garda vetting"]  # how it is done is no part of its name
    assert vetting.category == "condition" and vetting.weight == 0.0
    # a salary subject to experience demands nothing
    assert not parse_jd("Clerk\n\nSalary is subject to experience.").requirements


def test_how_to_apply_names_people_and_firms_not_skills():
    for head, text in (
        ("To apply", "Please send your CV to Dr. Priya Raman using the Apply button."),
        ("METHOD OF APPLICATION", "Qualified candidates should send their CV to "
         "careers@adeyemiokafor.com.ng. Adeyemi, Okafor & Co. does not charge any fee."),
    ):  # fmt: skip
        spec = parse_jd(f"Audit Senior\n\nRequirements\n- Proficiency in Microsoft Excel\n\n"
                        f"{head}\n{text}\n")  # fmt: skip
        assert [r.name for r in spec.requirements] == ["Excel"], head


def test_a_standard_of_two_bodies_is_one_requirement_said_either_way():
    spec = parse_jd(
        "Solar Installer\n\nRequirements\n- Sound working knowledge of AS/NZS 3000, AS/NZS 5033 "
        "and AS/NZS 4777.1\n- Experience with SCCM/MECM\n"
    )
    reqs = _by_name(spec)
    assert "AS" not in reqs
    assert {"AS/NZS 3000", "AS/NZS 5033"} <= set(reqs)
    assert {"AS 3000", "NZS 3000"} <= set(reqs["AS/NZS 3000"].aliases)
    # said by its number alone, where that number is no round figure
    assert "5033" in reqs["AS/NZS 5033"].aliases and "3000" not in reqs["AS/NZS 3000"].aliases
    # and another standard's number never sounds like it
    vocab = load_vocabulary()
    entries = [
        SkillEntry(name=r.name, category=r.category, aliases=r.aliases) for r in reqs.values()
    ]
    heard = vocab.find_mentions(
        "have you done stand-alone systems to AS/NZS 4509", speech=True, targets=entries,
        fuzzy=True,
    )  # fmt: skip
    assert not heard, heard
    [said] = vocab.find_mentions("where things are at with 5033 now", speech=True,
                                 targets=entries, fuzzy=True)  # fmt: skip
    assert said.entry.name == "AS/NZS 5033"
    # a British Standard's number is no Bachelor of Science
    assert not vocab.find_mentions("C665 and BS 8485 let you tailor it", speech=True)
    [bs] = vocab.find_mentions("I have a BS in chemistry", speech=True)
    assert bs.entry.category == "education"


def test_a_home_internet_connection_is_a_term_of_work():
    reqs = _by_name(parse_jd(
        "3D Artist\n\nRequirements\n- Reliable internet connection (minimum 50 Mbps) and backup "
        "power for WFH days\n- Experience with Internet of Things devices\n"
    ))  # fmt: skip
    cond = [r for r in reqs.values() if "internet connection" in r.name.lower()]
    assert cond and cond[0].category == "condition"
    assert reqs["Internet of Things"].category == "skill"


def test_a_registration_held_with_a_body_named_in_full():
    reqs = _by_name(parse_jd(
        "Optometrist\n\nRequirements\n- Registration, or eligibility for registration, with the "
        "College of Optometrists of Ontario\n- Confidence interpreting OCT, visual fields and "
        "retinal imaging\n- Professional liability insurance (we reimburse your membership)\n"
    ))  # fmt: skip
    reg = reqs["College of Optometrists of Ontario registration"]
    assert reg.category == "education" and "College of Optometrists of Ontario" in reg.aliases
    assert "Registration" not in reqs
    # the practice the confidence is in, said by its product too
    assert "OCT" in reqs["Interpreting OCT"].aliases
    cover = reqs["Professional liability insurance"]  # cover held: a term, not a skill
    assert cover.category == "condition" and cover.weight == 0.0


def test_a_prose_demand_lists_several_requirements():
    spec = parse_jd(
        "Community Podiatrist\n\nTo be successful in this role you will need a Bachelor of "
        "Health Science (Podiatry), and registration with the Podiatrists Board of New Zealand "
        "together with a current Annual Practising Certificate. We require at least two years "
        "of post-registration clinical experience, competence in vascular assessment including "
        "the use of hand-held Doppler, and experience in sharp debridement of diabetic foot "
        "ulcers. You will need a current local anaesthetic endorsement, and a full New Zealand "
        "driver's licence is essential because of travel to rural clinics.\n\nIt would be an "
        "advantage if you also had experience with total contact casting, or a working "
        "knowledge of te reo Māori and tikanga.\n"
    )
    reqs = _by_name(spec)
    reg = reqs["Registration with the Podiatrists Board of New Zealand"]
    assert reg.required and "Podiatrists Board of New Zealand" in reg.aliases
    for name in ("Sharp debridement of diabetic foot ulcers", "Local anaesthetic endorsement"):
        assert reqs[name].required and reqs[name].category == "skill", name
    assert any(n.startswith("Vascular assessment") for n in reqs)
    licence = reqs["Full New Zealand driver's licence"]  # its reason is no part of its name
    assert licence.required and licence.category == "condition"
    # a sentence that opens on an advantage asks for nothing required
    assert not reqs["Te Reo Māori"].required
    # "or be eligible for one" is a way round, no part of the credential's name
    spec = parse_jd(
        "Speech-Language Pathologist\n\nCandidates must hold a master's degree in "
        "speech-language pathology, a California SLP license or be eligible for one, and an "
        "ASHA CCC-SLP or be eligible to complete a Clinical Fellowship.\n"
    )
    names = {r.name for r in spec.requirements}
    assert {"California SLP license", "ASHA CCC-SLP"} <= names, names


def test_headings_that_ask_in_a_sentence_of_their_own():
    spec = parse_jd(
        "Medical Entomologist\n\nWhat you will bring\nYou must be proficient in conducting WHO "
        "tube tests for insecticide resistance. We need you to be competent in data analysis "
        "using R or Stata.\n\nIt will help if you have\nA PhD or progress towards one; "
        "experience with molecular species identification (PCR); peer-reviewed publications.\n"
    )
    reqs = _by_name(spec)
    assert reqs["Conducting WHO Tube Tests"].required
    assert not reqs["PhD"].required  # "It will help if you have" heads what is optional
    assert not reqs["Molecular Species Identification"].required


def test_who_we_are_looking_for_heads_requirements():
    spec = parse_jd(
        "Lead Spa Therapist\n\nAbout the role\nYou will lead shifts and run treatment training."
        "\n\nWho we are looking for\nYou should be highly proficient in Swedish and deep tissue "
        "massage, hot stone therapy, body wraps and scrubs, and facials. You must be "
        "comfortable using spa booking software such as Book4Time or SpaSoft.\n\nIt would be "
        "wonderful if you also have training in reflexology or pregnancy massage.\n"
    )
    reqs = _by_name(spec)
    # "Who we are looking for" asks; "who we are" is about the employer
    assert reqs["Hot Stone Therapy"].required and reqs["Spa Booking Software"].required
    assert not [r for r in spec.requirements if "reflexology" in r.name.lower() and r.required]


def test_words_of_the_employer_and_its_terms_are_no_requirements():
    spec = parse_jd(
        "Clinical Perfusion Scientist\n\nAbout the position\nWe are recruiting an experienced "
        "perfusionist to lead cases.\n\nAdditional information\nThe Trust offers flexible "
        "working, access to the NHS Pension Scheme.\n\nEssential\n• Accredited Clinical "
        "Perfusion Scientist "
        "registered with the College of Clinical Perfusion Scientists of Great Britain and "
        "Ireland\n• Participation in an on-call rota in a cardiac surgical unit\n• Experience "
        "with Sage and Xero\n"
    )
    names = {r.name for r in spec.requirements}
    # the employer hiring, a benefit, the end of a body's name: none is asked of anyone
    assert not names & {"Recruiting", "Adaptability", "Ireland"}, names
    # "Participation in" leads what is asked; the rota itself is a term of work
    assert "Participation" not in names
    rota = [r for r in spec.requirements if "on-call rota" in r.name.lower()]
    assert rota and rota[0].category == "condition"
    assert {"Sage", "Xero"} <= names  # products joined by "and" are still both read


def test_common_words_name_a_technology_only_in_its_field():
    # a jeweller's torch and assembly are no PyTorch or assembly language
    spec = parse_jd(
        "Bench Jeweller\n\nRequirements\n- Torch soldering and Assembly of findings\n- Stone "
        "setting\n"
    )
    names = {r.name for r in spec.requirements}
    assert not names & {"PyTorch", "Assembly"}, names
    spec = parse_jd(
        "Compiler Engineer\n\nRequirements\n- Analyze generated assembly and profile code\n- "
        "C++ and LLVM\n"
    )
    assert "Assembly" in {r.name for r in spec.requirements}


def test_headings_and_bullets_written_in_other_styles():
    spec = parse_jd(
        "Production Operator\n\nWHAT WE ARE LOOKING FOR (ESSENTIAL)\n  > Working knowledge of "
        "mashing\n  > Understanding of HMRC excise requirements\n\nAdvantage:\n• Licensed "
        "Customs Broker (LCB)\n• Knowledge of CargoWise\n\nWhat you need to have:\n  Strong "
        "draftsmanship and the ability to draw on-model in a variety of styles\n  CCNA "
        "certification is a must; CCNP will be an added advantage\n"
    )
    reqs = _by_name(spec)
    # "What we are looking for" heads requirements; ">" is a bullet
    assert reqs["Mashing"].required and reqs["HMRC Excise Requirements"].required
    # "Advantage:" heads what is optional; so does "an added advantage" inside a line
    assert not reqs["CargoWise"].required and not reqs["CCNP"].required
    assert reqs["CCNA"].required
    # a line of its own under a requirements heading is an item, full stop or not
    assert reqs["Draftsmanship"].required
    spec = parse_jd(
        "Management Accountant\n\nMinimum requirements\n* CIMA qualification – essential; "
        "final-level students with strong experience will be considered\n* Supervising "
        "students on placement\n"
    )
    names = {r.name for r in spec.requirements}
    assert "Final-level Students" not in names and "CIMA" in names  # who, not what
    assert "Supervising Students" in names  # a practice


def test_labelled_lines_and_marked_headings_list_requirements():
    spec = parse_jd(
        "Camera Operator\n\nKey Responsibilities:\n- Shoot news packages\n\nMUST HAVE: hands-on "
        "use of LiveU (or similar bonded cellular unit) for live transmission.\nMUST HAVE: "
        "solid understanding of three-point lighting for interviews.\nEssential: Degree in "
        "Actuarial Science, Finance, Insurance or related field.\nALSO GOOD: editing experience "
        "in Adobe Premiere Pro or EDIUS.\nAn advantage: Exposure to simplified-issue products."
        "\n\n// Must have\n• Basic Linux and PowerShell scripting\n\n// Good to have\n• Commvault "
        "or NetBackup\n\nTERMS AND CONDITIONS\n- Membership of the Local Government Pension "
        "Scheme\n- Employee assistance programme\n"
    )
    reqs = _by_name(spec)
    assert reqs["Use of LiveU"].required and reqs["Three-point Lighting"].required
    degree = next(r for n, r in reqs.items() if n.startswith("Degree in Actuarial Science"))
    assert degree.required and degree.category == "education"
    assert not reqs["EDIUS"].required  # "ALSO GOOD:" labels what is optional
    assert "Advantage" not in reqs  # "An advantage:" is a label, not a skill
    assert reqs["PowerShell"].required and not reqs["Commvault"].required  # "// " headings
    assert not [n for n in reqs if "Pension" in n or "assistance" in n.lower()]  # terms of work


def test_a_short_name_of_other_words_and_a_cloud_acronym_out_of_its_field():
    spec = parse_jd(
        "Site Supervisor\n\nRequirements\n- Valid Workplace Safety and Health (WSH) supervisory "
        "certificates\n- ECS/CSCS card\n"
    )
    reqs = _by_name(spec)
    assert "Amazon ECS" not in reqs  # the construction card, in a JD that speaks of no cloud
    safety = [r for r in spec.requirements if "WSH" in r.aliases]
    assert safety, spec.requirements  # the mention's own short name stays its alias


def test_a_job_boards_particulars_purpose_and_one_line_requirements_section():
    spec = parse_jd(
        "VACANCY: TERMINAL DUTY MANAGER\nJob Ref: SAS/OPS/TDM/014\nTerms: Permanent and "
        "Pensionable\n\nSavanna Airport Services Limited is a leading provider of terminal "
        "management, passenger handling and facilitation services in East Africa.\n\n"
        "Job Purpose: The Terminal Duty Manager is accountable for the safe, secure and "
        "efficient flow of passengers.\n\nKey Responsibilities:\n> Monitor queue times and "
        "service level agreements (SLAs), and take corrective action.\n> Coach and supervise "
        "Terminal Supervisors on shift.\n\nQualifications and Experience: Bachelor's degree in "
        "Aviation Management; Sound knowledge of KCAA regulations and ICAO Annex 9 and Annex 17; "
        "Ability to work rotating shifts, including nights.\n\nApplicants must provide valid "
        "clearance certificates (Certificate of Good Conduct, HELB, KRA tax compliance) upon "
        "offer.\n"
    )
    reqs = _by_name(spec)
    assert reqs["KCAA Regulations"].required and reqs["ICAO Annex 9"].required, list(reqs)
    # the duties and the purpose are what the work involves, not what it needs
    assert not reqs["Service Level Agreements"].required
    assert not {r for r in ("Ownership", "Mentoring") if r in reqs and reqs[r].required}
    # the company's prose, and the papers an offer needs, name no skill
    assert not {"Facilitation", "Taxation"} & set(reqs), list(reqs)
    spec = parse_jd(
        "Job Title: Officer, Treasury Operations\nCompany: Crestline Merchant Bank Limited\n"
        "Qualification: BA/BSc/HND\nExperience: 2 - 4 years\nJob Field: Banking / Finance\n\n"
        "Crestline Merchant Bank Limited is a merchant bank providing corporate banking, trade "
        "finance and investment banking services to public sector institutions.\n\nJob Summary"
        "\nThe officer settles FX deals.\n\nRequirements\n- Proficiency in Microsoft Excel\n"
    )
    reqs = _by_name(spec)
    assert "Excel" in reqs
    assert not {"Job Field", "Capital Markets", "Public Sector", "Finance"} & set(reqs), list(reqs)


def test_sections_that_ask_nothing_levels_currencies_and_terms():
    spec = parse_jd(
        "Senior Colourist\n\nWhat you bring\n- Expert-level proficiency in DaVinci Resolve "
        "Studio\n- Can start ASAP\n- Willing to work in Batangas City\n\nOur commitment\n"
        "In accordance with the Accessibility for Ontarians with Disabilities Act (AODA), "
        "accommodations are available.\n\nSupplemental Information\nVeterans' preference "
        "applies.\n\nPay\nPHP 28,000 - 35,000 per month\n"
    )
    reqs = _by_name(spec)
    assert "DaVinci Resolve Studio" in reqs and "Expert-level Proficiency" not in reqs
    assert reqs["Can start ASAP"].category == "condition"
    assert reqs["Willing to work in Batangas City"].category == "condition"
    assert not {"Accessibility", "Veterans' Preference Applies", "PHP"} & set(reqs), list(reqs)
    # a currency's code before a year or a clause's number is still the name it spells
    assert "PHP" in _one_bullet("PHP 8 and Laravel")


def test_laws_with_a_comma_year_or_small_words_and_long_paper_names():
    reqs = _one_bullet("Knowledge of Seeds Act, 1966 and Seeds Rules, 1968")
    assert {"Seeds Act, 1966", "Seeds Rules, 1968"} <= set(reqs), list(reqs)
    assert "Seeds Act" in reqs["Seeds Act, 1966"].aliases
    reqs = _one_bullet("Working knowledge of the Regulation of Investigatory Powers Act 2000")
    assert "Regulation of Investigatory Powers Act 2000" in reqs, list(reqs)
    reqs = _one_bullet(
        "Certificate of completion of FHWA-NHI-130055 Safety Inspection of In-Service Bridges "
        "(or equivalent approved comprehensive training) at time of application"
    )
    assert any(n.endswith("Safety Inspection of In-Service Bridges") for n in reqs), list(reqs)
    # "UG:" / "PG:" tag a degree's level
    spec = parse_jd(
        "Seed Testing Analyst\n\nEducation\nUG: B.Sc in Agriculture, Botany\nPG: M.Sc in "
        "Agriculture (Seed Science & Technology), Botany\n"
    )
    names = {r.name for r in spec.requirements}
    assert not {"UG", "PG"} & names and any(n.startswith("Master's") for n in names), names


def test_how_to_apply_known_names_out_of_their_field_and_registers():
    spec = parse_jd(
        "GST Compliance Manager\nCTC: 14 - 18 LPA\n\nRequirements\n- Advanced Excel\n\n"
        "Interested candidates may share their updated CV mentioning current CTC, expected CTC "
        "and notice period. We thank all applicants for their interest; only those selected "
        "for an interview will be contacted.\n"
    )
    assert [r.name for r in spec.requirements] == ["Excel"], spec.requirements
    # "NER" of an energy JD is the National Electricity Rules, no named entity recognition;
    # "Delphi" of a hotel's JD is an events system (in an aside of examples it stays one)
    spec = parse_jd(
        "Commissioning Engineer\n\nRequirements\n- A solid understanding of the NER, Generator "
        "Performance Standards (GPS) and the AEMO connection process\n- Working knowledge of "
        "Delphi (or similar event management system) and Opera PMS\n- Proficiency with "
        "Tripleseat or a similar event management system (Caterease, Delphi)\n"
    )
    names = [r.name for r in spec.requirements]
    assert "Named Entity Recognition" not in names and names.count("Delphi") == 1, names
    # the aside's cue makes all it lists optional; a register's name, then "registered"
    reqs = _one_bullet(
        "Gas Safe registered with current ACS certificates - CCN1 and CENWAT as a minimum "
        "(HTR1, CKR1 and MET1 preferred)"
    )
    assert reqs["Gas Safe registration"].category == "education", list(reqs)
    assert "Gas Safe" in reqs["Gas Safe registration"].aliases
    assert reqs["CCN1"].required and not reqs["HTR1"].required, list(reqs)
    reqs = _one_bullet("Diploma or Degree in Hospitality Management or related field")
    assert "Diploma in Hospitality Management" in reqs, list(reqs)
    # a boiler's "PCBs" are boards to swap, not boards to design
    reqs = _one_bullet(
        "Confident fault-finding on combi and system boilers (PCBs, diverter valves, fans)"
    )
    assert not any("PCB Design" in r.aliases for r in reqs.values()), reqs


def test_a_recruiters_client_and_project_lines_ask_nothing():
    jd = parse_jd(
        "URGENT REQUIREMENT - LIFTING SUPERVISOR (RIGGER III)\n"
        "Client: Leading EPC contractor | Project: Petrochemical plant expansion, Jubail "
        "Industrial City, KSA\nPosted by: Al Khaleej Manpower Consultants (Dubai) | Ref: LS-0925\n\n"
        "Our client urgently requires experienced Lifting Supervisors for erection work.\n\n"
        "Requirements\n- Prepare and review critical lift plans\n- Read crane load charts\n"
    )
    names = [r.name for r in jd.requirements]
    assert not any("Client" in n or "Jubail" in n or "Project" in n for n in names), names


def test_a_commitment_to_a_field_and_a_head_shared_by_either_word():
    jd = parse_jd(
        "Vineyard Supervisor\n\nEssential criteria\n"
        "7. A strong commitment to WHS and to looking after your people.\n"
        "- Demonstrable experience of highway or street works inspection, including "
        "identifying and categorising defects.\n"
    )
    names = [r.name for r in jd.requirements]
    assert "WHS" in names and "Strong Commitment" not in names
    assert "Highway or street works inspection" in names and "Highway" not in names


def test_initials_the_jd_spells_out_are_its_own_term():
    jd = parse_jd(
        "Certified Prosthetist\n\nDuties\n- Prepare funding documentation for the Assistive "
        "Devices Program (ADP) and private insurers.\n\nRequired\n"
        "- Working knowledge of Ontario ADP policies, forms and documentation requirements.\n"
        "- Current NAS 410 Level II certification in Penetrant Testing (PT).\n"
    )
    names = [r.name for r in jd.requirements]
    assert "Assistive Devices Program" in names and "ADP" not in names  # not the payroll product
    assert "Storage Area Networks" not in names  # NAS 410 is a standard's number
    # initials spelled out as the vocabulary's own words stay the vocabulary's
    jd = parse_jd(
        "Sales Coordinator\n\nDuties\n- Keep records in our Customer Relationship Management "
        "(CRM) system.\n\nRequired\n- 2 years of CRM experience.\n"
    )
    assert "Customer Relationship Management" in [r.name for r in jd.requirements]


def test_an_indian_boards_candidate_profile_and_role_overview_headings():
    jd = (
        "Platform Developer\n\nRole Overview\nYou will work in a Scrum team with an architect "
        "and QA, and own stories end to end.\n\nKey Responsibilities\n• Build flows and "
        "integrations\n\nRequired Candidate Profile (Must have)\n• Strong JavaScript\n"
        "• Experience with Terraform\n\nGood to have\n• ITIL v4 Foundation\n"
    )
    reqs = {r.name: r.required for r in parse_jd(jd).requirements}
    assert reqs.get("JavaScript") is True and reqs.get("Terraform") is True
    assert reqs.get("ITIL") is False
    # the overview tells who the job works with, it asks nothing
    assert not reqs.get("Scrum") and not reqs.get("Quality Assurance")


def test_a_laws_state_after_its_year_and_standards_named_beside_it():
    jd = (
        "Occupational Hygienist\n\nRequirements (essential)\n- Sound knowledge of the Work "
        "Health and Safety Act 2020 (WA), WHS (Mines) Regulations 2022 and Safe Work Australia "
        "Workplace Exposure Standards\n- Sound working knowledge of IFRS and International "
        "Standards on Auditing (ISAs)\n"
    )
    names = [r.name for r in parse_jd(jd).requirements]
    assert "Work Health and Safety Act 2020 (WA)" in names
    assert "Safe Work Australia Workplace Exposure Standards" in names
    assert "WA" not in names  # the act's state, not a skill of its own
    assert not any(n.startswith("IFRS and") for n in names)  # standards "on" go on past it


def test_years_in_a_field_as_a_long_rank_keep_the_field():
    jd = (
        "Chef de Partie\n\nRequirements\n• Minimum 3 years' experience in pastry as Demi Chef / "
        "Chef de Partie in a 5-star hotel or fine dining restaurant\n"
    )
    [req] = [r for r in parse_jd(jd).requirements if r.category == "experience"]
    assert req.name == "3+ years in pastry" and req.min_years == 3
