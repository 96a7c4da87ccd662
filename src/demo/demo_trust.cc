#include "demo/demo_trust.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <tuple>

#include "core/calendar_date.h"
#include "people/person.h"
#include "people/person_fields.h"
#include "people/person_rows.h"
#include "people/role.h"
#include "store/audit_log.h"

namespace inloco {
namespace {

// SplitMix64: tiny, fast and the same on every platform and standard library
// (std::uniform_int_distribution is not), which keeps the demo reproducible.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool percent(int p) { return below(100) < static_cast<size_t>(p); }
  template <size_t N>
  std::string pick(const std::array<std::string_view, N>& list) {
    return std::string(list[below(N)]);
  }

 private:
  uint64_t state_;
};

constexpr uint64_t kSeed = 20260901;

// Names heard in any UK classroom today. All the people are invented.
constexpr std::array<std::string_view, 60> kGirls = {
    "Olivia",  "Amelia",   "Isla",    "Ava",     "Lily",     "Freya",  "Sophia", "Grace",
    "Mia",     "Poppy",    "Ella",    "Evie",    "Aisha",    "Fatima", "Maryam", "Zara",
    "Amira",   "Hafsa",    "Priya",   "Ananya",  "Simran",   "Anaya",  "Chloe",  "Zoë",
    "Maja",    "Zuzanna",  "Oliwia",  "Amara",   "Chidinma", "Adaeze", "Nia",    "Imani",
    "Kezia",   "Precious", "Mei",     "Ying",    "Hannah",   "Ruby",   "Ivy",    "Florence",
    "Willow",  "Erin",     "Niamh",   "Siobhan", "Cerys",    "Seren",  "Eilidh", "Leah",
    "Sofia",   "Elena",    "Aaliyah", "Layla",   "Hana",     "Yasmin", "Esme",   "Matilda",
    "Harriet", "Darcy",    "Maisie",  "Bethany"};
constexpr std::array<std::string_view, 60> kBoys = {
    "Oliver", "George",  "Noah",    "Arthur",  "Leo",    "Harry",  "Oscar",   "Muhammad",
    "Jack",   "Charlie", "Jacob",   "Freddie", "Alfie",  "Theo",   "Archie",  "Ibrahim",
    "Yusuf",  "Zain",    "Ayaan",   "Arjun",   "Rohan",  "Kabir",  "Harjot",  "Jakub",
    "Filip",  "Szymon",  "Mateusz", "Kwame",   "Kofi",   "Tobi",   "Chinedu", "Emeka",
    "Tyrone", "Malachi", "Jayden",  "Kai",     "Wei",    "Jun",    "Hamza",   "Omar",
    "Ali",    "Luca",    "Matteo",  "Callum",  "Rhys",   "Owen",   "Dylan",   "Ewan",
    "Finlay", "Cillian", "Ronan",   "Samuel",  "Daniel", "Joshua", "Ethan",   "Reuben",
    "Elijah", "Isaac",   "Zachary", "Dev"};
constexpr std::array<std::string_view, 46> kWomen = {
    "Sarah",     "Emma",      "Rachel", "Laura",     "Claire",  "Nicola",   "Gemma",
    "Hayley",    "Kelly",     "Joanne", "Michelle",  "Rebecca", "Nadia",    "Shazia",
    "Samina",    "Rukhsana",  "Farah",  "Sunita",    "Priti",   "Kiran",    "Agnieszka",
    "Katarzyna", "Magdalena", "Ngozi",  "Funmilayo", "Abena",   "Folake",   "Marcia",
    "Donna",     "Simone",    "Yan",    "Li",        "Siân",    "Bronwen",  "Catriona",
    "Aoife",     "Sinéad",    "Helen",  "Jennifer",  "Lucy",    "Victoria", "Charlotte",
    "Ruth",      "Deborah",   "Tanya",  "Anita"};
constexpr std::array<std::string_view, 46> kMen = {
    "James",       "David",   "Mark",    "Paul",      "Andrew",      "Richard",  "Daniel",
    "Christopher", "Matthew", "Stephen", "Lee",       "Craig",       "Imran",    "Tariq",
    "Asif",        "Kamran",  "Bilal",   "Rajesh",    "Sanjay",      "Gurpreet", "Vikram",
    "Tomasz",      "Piotr",   "Marek",   "Oluwaseun", "Chukwuemeka", "Kwabena",  "Delroy",
    "Winston",     "Marlon",  "Jian",    "Hao",       "Gareth",      "Dafydd",   "Hamish",
    "Ciaran",      "Declan",  "Neil",    "Simon",     "Peter",       "Michael",  "Jonathan",
    "Adam",        "Ravi",    "Samir",   "Yaw"};
constexpr std::array<std::string_view, 104> kFamilies = {
    "Smith",        "Jones",     "Williams",  "Brown",     "Taylor",    "Davies",      "Evans",
    "Wilson",       "Thomas",    "Johnson",   "Roberts",   "Robinson",  "Thompson",    "Wright",
    "Walker",       "White",     "Edwards",   "Hughes",    "Green",     "Hall",        "Lewis",
    "Harris",       "Clarke",    "Patel",     "Jackson",   "Wood",      "Turner",      "Martin",
    "Cooper",       "Hill",      "Ward",      "Morris",    "Moore",     "Clark",       "Lee",
    "King",         "Baker",     "Harrison",  "Morgan",    "Allen",     "Khan",        "Ahmed",
    "Hussain",      "Ali",       "Begum",     "Akhtar",    "Iqbal",     "Shah",        "Rahman",
    "Chowdhury",    "Islam",     "Singh",     "Kaur",      "Sharma",    "Gill",        "Sandhu",
    "Mistry",       "Kumar",     "Nowak",     "Kowalczyk", "Wójcik",    "Lewandowski", "Zieliński",
    "Okafor",       "Adeyemi",   "Mensah",    "Owusu",     "Boateng",   "Adebayo",     "Okonkwo",
    "Campbell",     "Stewart",   "Murray",    "MacLeod",   "Fraser",    "O'Brien",     "O'Connor",
    "Murphy",       "Kelly",     "Byrne",     "Gallagher", "Chen",      "Wong",        "Zhang",
    "Nguyen",       "Tran",      "Santos",    "Silva",     "Costa",     "Rossi",       "Popescu",
    "Ionescu",      "Hassan",    "Mohamed",   "Abdi",      "Warsame",   "Yılmaz",      "Demir",
    "Papadopoulos", "Llewellyn", "Pritchard", "Price",     "Griffiths", "Okoro"};

// Names people often go by instead of their given name.
std::optional<std::string> nickname(std::string_view given) {
  static const std::map<std::string_view, std::string_view> kShort = {
      {"Joshua", "Josh"},    {"Zachary", "Zac"},       {"Matilda", "Tilly"},
      {"Florence", "Flo"},   {"Samuel", "Sam"},        {"Frederick", "Fred"},
      {"Oluwaseun", "Seun"}, {"Chukwuemeka", "Emeka"}, {"Christopher", "Chris"},
      {"Jonathan", "Jon"},   {"Elizabeth", "Beth"},    {"Katarzyna", "Kasia"}};
  auto it = kShort.find(given);
  if (it == kShort.end()) return std::nullopt;
  return std::string(it->second);
}

// ASCII letters and digits only, lower case: for invented email addresses.
std::string email_part(std::string_view name) {
  std::string out;
  for (char c : ascii_lower(name))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

// Ofcom reserves 07700 900000 to 900999 for drama: never a real phone.
std::string drama_phone(Rng& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "07700 900%03d", static_cast<int>(rng.below(1000)));
  return buf;
}

// A birthday that puts a child in year group `year` (-1 Nursery, 0 Reception)
// in the academic year 2026/27: born 1 September 2021-year to 31 August 2022-year.
std::string date_of_birth_for(int year, Rng& rng) {
  int64_t first = days_since_epoch({2021 - year, 9, 1});
  int64_t last = days_since_epoch({2022 - year, 8, 31});
  return date_from_days(first + static_cast<int64_t>(rng.below(last - first + 1))).iso();
}

std::string sign_in_prefix(Role role) {
  switch (role) {
    case Role::kHeadteacher:
      return "head";
    case Role::kDeputyHeadteacher:
      return "deputyhead";
    case Role::kDsl:
      return "dsl";
    case Role::kDeputyDsl:
      return "deputydsl";
    case Role::kSocialMediaLead:
      return "socialmedia";
    case Role::kOnlineSafetyOfficer:
      return "onlinesafety";
    case Role::kIctTechnician:
      return "ict";
    case Role::kDpo:
      return "dpo";
    case Role::kYearGroupLeader:
      return "yearlead";
    case Role::kGovernor:
      return "governor";
    case Role::kChairOfGovernors:
      return "chair";
    case Role::kTrustBoardMember:
      return "trustee";
    case Role::kPtaChair:
      return "pta";
    case Role::kStaff:
      return "staff";
    case Role::kVolunteer:
      return "volunteer";
    case Role::kOfficeManager:
      return "office";
  }
  return std::string(role_key(role));
}

struct JobSpec {
  std::string_view title;
  std::optional<Role> role;  // besides "staff", which every member of staff holds
};

struct ClassSpec {
  int year;               // -1 Nursery, 0 Reception, 1..13
  std::string_view name;  // class or tutor group
  int pupils;
};

struct SchoolPlan {
  std::string_view code;
  std::string_view name;
  std::string_view phase;
  std::vector<JobSpec> staff;
  std::vector<ClassSpec> classes;
  int competent_percent_from_year_12;
};

std::vector<SchoolPlan> plans() {
  using R = Role;
  SchoolPlan oakfield{"oakfield",
                      "Oakfield Primary School",
                      "primary",
                      {{"Headteacher", R::kHeadteacher},
                       {"Deputy headteacher", R::kDeputyHeadteacher},
                       {"Assistant headteacher and designated safeguarding lead", R::kDsl},
                       {"Family support worker", R::kDeputyDsl},
                       {"Special educational needs coordinator", R::kDeputyDsl},
                       {"Communications and marketing officer", R::kSocialMediaLead},
                       {"Computing lead", R::kOnlineSafetyOfficer},
                       {"ICT technician", R::kIctTechnician},
                       {"Data protection officer", R::kDpo},
                       {"Upper key stage 2 leader", R::kYearGroupLeader},
                       {"School business manager", R::kOfficeManager},
                       {"Year 3 class teacher", R::kStaff},
                       {"Reception class teacher", {}},
                       {"Year 1 class teacher", {}},
                       {"Year 2 class teacher", {}},
                       {"Year 4 class teacher", {}},
                       {"Year 5 class teacher", {}},
                       {"Year 6 class teacher", {}},
                       {"Teaching assistant", {}},
                       {"Teaching assistant", {}},
                       {"Teaching assistant", {}},
                       {"Teaching assistant", {}},
                       {"Teaching assistant", {}},
                       {"Midday supervisor", {}},
                       {"Midday supervisor", {}},
                       {"Administrative assistant", {}},
                       {"Site manager", {}},
                       {"Cook", {}}},
                      {{0, "Robins", 20},
                       {1, "Wrens", 20},
                       {2, "Kingfishers", 20},
                       {3, "Owls", 20},
                       {4, "Falcons", 20},
                       {5, "Kestrels", 20},
                       {6, "Eagles", 20}},
                      0};
  SchoolPlan riverside{"riverside",
                       "Riverside Academy",
                       "secondary",
                       {{"Principal", R::kHeadteacher},
                        {"Vice principal", R::kDeputyHeadteacher},
                        {"Assistant principal (safeguarding)", R::kDsl},
                        {"Pastoral manager", R::kDeputyDsl},
                        {"Head of sixth form", R::kDeputyDsl},
                        {"Marketing and communications officer", R::kSocialMediaLead},
                        {"Head of computing", R::kOnlineSafetyOfficer},
                        {"Network manager", R::kIctTechnician},
                        {"Data protection officer", R::kDpo},
                        {"Head of Year 7", R::kYearGroupLeader},
                        {"Head of Year 11", R::kYearGroupLeader},
                        {"Office manager", R::kOfficeManager},
                        {"Teacher of English", R::kStaff},
                        {"Teacher of English", {}},
                        {"Teacher of mathematics", {}},
                        {"Teacher of mathematics", {}},
                        {"Teacher of science", {}},
                        {"Teacher of science", {}},
                        {"Teacher of history", {}},
                        {"Teacher of geography", {}},
                        {"Teacher of French", {}},
                        {"Teacher of art", {}},
                        {"Teacher of music", {}},
                        {"Teacher of drama", {}},
                        {"Teacher of physical education", {}},
                        {"Teacher of physical education", {}},
                        {"Teacher of religious education", {}},
                        {"Teacher of design and technology", {}},
                        {"Teaching assistant", {}},
                        {"Teaching assistant", {}},
                        {"Teaching assistant", {}},
                        {"Librarian", {}},
                        {"Exams officer", {}},
                        {"Attendance officer", {}},
                        {"Science technician", {}},
                        {"Site manager", {}}},
                       {{7, "7N", 13},
                        {7, "7S", 13},
                        {8, "8N", 13},
                        {8, "8S", 13},
                        {9, "9N", 13},
                        {9, "9S", 13},
                        {10, "10N", 13},
                        {10, "10S", 13},
                        {11, "11N", 13},
                        {11, "11S", 13},
                        {12, "12A", 15},
                        {13, "13A", 15}},
                       50};
  return {oakfield, riverside};
}

// People and links for one school (or the trust) before they have ids:
// everything refers to people by their index in `people`.
struct Draft {
  std::vector<Person> people;
  struct Link {
    size_t parent, pupil;
    std::string relationship;
    bool parental_responsibility;
  };
  std::vector<Link> links;
  std::vector<std::pair<size_t, Role>> roles;
  std::vector<std::pair<size_t, Role>> sign_ins;  // the holder who signs in for the role

  size_t add(Person p) {
    people.push_back(std::move(p));
    return people.size() - 1;
  }
};

class SchoolBuilder {
 public:
  SchoolBuilder(Rng& rng, int64_t trust_id, std::optional<int64_t> school_id, std::string_view code)
      : rng_(rng), trust_id_(trust_id), school_id_(school_id), code_(code) {}

  Draft& draft() { return draft_; }

  // A member of staff, governor, trustee, volunteer or contractor.
  Person adult(PersonKind kind, std::string_view title, const std::string& id_prefix,
               int& counter) {
    bool woman = rng_.percent(55);
    std::string given = woman ? rng_.pick(kWomen) : rng_.pick(kMen);
    Person p = person(kind, given, rng_.pick(kFamilies));
    p.job_title = std::string(title);
    p.external_id = id_prefix + pad(++counter);
    if (kind == PersonKind::kStaff || kind == PersonKind::kTrustee) {
      std::string domain =
          school_id_ ? std::string(code_) + ".example.org" : std::string("brookfield.example.org");
      p.email = email_part(p.given_name) + "." + email_part(p.family_name) + "@" + domain;
    } else {
      p.email = home_email(p);
      p.phone = drama_phone(rng_);
    }
    return p;
  }

  // Pupils class by class, in families: about a quarter of pupils are the
  // younger brother or sister of a pupil already placed, and share their
  // parents. Pupils from Year 12 are marked competent to consent at the
  // plan's rate, decided now; the caller fills in who decided.
  void add_pupils(const SchoolPlan& plan, int64_t now) {
    int pupil_no = 0;
    for (const ClassSpec& cls : plan.classes) {
      for (int k = 0; k < cls.pupils; ++k) {
        Family* family = nullptr;
        if (!families_.empty() && rng_.percent(25)) {
          // A sibling: a family with one or two children, none in this year.
          for (int attempt = 0; attempt < 6 && !family; ++attempt) {
            Family& f = families_[rng_.below(families_.size())];
            bool same_year = std::find(f.years.begin(), f.years.end(), cls.year) != f.years.end();
            if (f.years.size() < 3 && !same_year) family = &f;
          }
        }
        if (!family) family = &new_family();
        bool girl = rng_.percent(50);
        Person pupil = person(PersonKind::kPupil, girl ? rng_.pick(kGirls) : rng_.pick(kBoys),
                              family->surname);
        if (!rng_.percent(40)) pupil.preferred_name.reset();
        pupil.date_of_birth = date_of_birth_for(cls.year, rng_);
        pupil.year_group = year_group_name(cls.year);
        pupil.class_name = std::string(cls.name);
        pupil.external_id = "P" + pad(++pupil_no);
        if (cls.year >= 12 && rng_.percent(plan.competent_percent_from_year_12)) {
          pupil.competent_to_consent = true;
          pupil.competence_decided_at = now;
          competent_.push_back(draft_.people.size());
        }
        size_t pupil_index = draft_.add(std::move(pupil));
        family->years.push_back(cls.year);
        for (const auto& [parent, relationship, pr] : family->parents)
          draft_.links.push_back({parent, pupil_index, relationship, pr});
      }
    }
  }

  const std::vector<size_t>& competent_pupils() const { return competent_; }

 private:
  struct Family {
    std::string surname;
    std::vector<std::tuple<size_t, std::string, bool>> parents;  // index, relationship, PR
    std::vector<int> years;  // year groups of the children so far
  };

  static std::string pad(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", n);
    return buf;
  }

  Person person(PersonKind kind, std::string given, std::string family) {
    Person p;
    p.kind = kind;
    p.trust_id = trust_id_;
    p.school_id = school_id_;
    p.preferred_name = nickname(given);
    p.given_name = std::move(given);
    p.family_name = std::move(family);
    return p;
  }

  std::string home_email(const Person& p) {
    return email_part(p.given_name) + "." + email_part(p.family_name) +
           std::to_string(rng_.below(90) + 10) + "@example.com";
  }

  Family& new_family() {
    Family f;
    f.surname = rng_.pick(kFamilies);
    auto parent = [&](bool woman, std::string surname, std::string relationship, bool pr) {
      Person p = person(PersonKind::kParent, woman ? rng_.pick(kWomen) : rng_.pick(kMen),
                        std::move(surname));
      p.external_id = "C" + pad(++parent_no_);
      p.email = home_email(p);
      p.phone = drama_phone(rng_);
      f.parents.emplace_back(draft_.add(std::move(p)), std::move(relationship), pr);
    };
    size_t shape = rng_.below(100);
    if (shape < 45) {  // two parents with the family's name
      parent(true, f.surname, "mother", true);
      parent(false, f.surname, "father", true);
    } else if (shape < 58) {  // two parents with different names
      std::string other = rng_.pick(kFamilies);
      parent(true, other, "mother", true);
      parent(false, f.surname, "father", true);
      if (rng_.percent(30) && other != f.surname) f.surname = other + "-" + f.surname;
    } else if (shape < 78) {  // a single mother
      parent(true, f.surname, "mother", true);
    } else if (shape < 83) {  // a single father
      parent(false, f.surname, "father", true);
    } else if (shape < 93) {  // mother and step-father, who has no parental responsibility
      parent(true, f.surname, "mother", true);
      parent(false, rng_.pick(kFamilies), "step-father", false);
    } else if (shape < 97) {  // a grandmother bringing the children up under a court order
      parent(true, f.surname, "grandmother", true);
    } else {  // a foster carer: the local authority holds parental responsibility
      bool woman = rng_.percent(70);  // separate statements: argument order is unspecified
      parent(woman, rng_.pick(kFamilies), "foster carer", false);
    }
    families_.push_back(std::move(f));
    return families_.back();
  }

  Rng& rng_;
  int64_t trust_id_;
  std::optional<int64_t> school_id_;
  std::string_view code_;
  Draft draft_;
  std::vector<Family> families_;
  std::vector<size_t> competent_;
  int parent_no_ = 0;
};

// Writes a draft's role assignments in multi-row statements.
Status insert_roles(Connection& conn, const Draft& draft, const std::vector<int64_t>& ids,
                    int64_t trust_id, std::optional<int64_t> school_id, int64_t now) {
  return for_each_chunk(draft.roles.size(), [&](size_t offset, size_t count) -> Status {
    std::string sql =
        "INSERT INTO role_assignments (person_id, role, trust_id, school_id, granted_at, "
        "granted_by) VALUES " +
        placeholder_rows(count, 6);
    SqlParams params;
    for (size_t i = offset; i < offset + count; ++i) {
      const auto& [who, role] = draft.roles[i];
      params.insert(params.end(),
                    {ids[who], std::string(role_key(role)), trust_id,
                     role == Role::kTrustBoardMember ? std::nullopt : school_id, now, SqlValue()});
    }
    TRY(conn.execute(sql, params));
    return {};
  });
}

Status write_links(Connection& conn, const Draft& draft, const std::vector<int64_t>& ids) {
  std::vector<GuardianshipRow> rows;
  rows.reserve(draft.links.size());
  for (const auto& l : draft.links)
    rows.push_back({ids[l.parent], ids[l.pupil], l.relationship, l.parental_responsibility});
  return upsert_guardianships(conn, rows);
}

}  // namespace

Result<DemoTrust> create_demo_people(Database& db, const Clock& clock) {
  return db.transaction([&](Connection& conn) -> Result<DemoTrust> {
    const Actor actor{std::nullopt, "demo data", "system"};
    const int64_t now = clock.now();
    Rng rng(kSeed);
    DemoTrust out;
    auto trust = create_trust(conn, clock, actor, kDemoTrustName);
    if (!trust.ok()) {
      if (trust.error().code == ErrorCode::kConflict)
        return Error::conflict(std::string("The demo trust (") + kDemoTrustName +
                               ") is already in this database; create the demo in an empty "
                               "database instead.");
      return std::move(trust).error();
    }
    out.trust_id = *trust;

    // The trust's own people: trustees, all on the trust board.
    {
      SchoolBuilder b(rng, out.trust_id, std::nullopt, "");
      int n = 0;
      for (std::string_view title :
           {"Chair of trustees", "Trustee", "Trustee", "Trustee", "Trustee"}) {
        size_t i = b.draft().add(b.adult(PersonKind::kTrustee, title, "T", n));
        b.draft().roles.emplace_back(i, Role::kTrustBoardMember);
      }
      Draft& d = b.draft();
      std::vector<int64_t> ids = TRY(insert_people(conn, d.people, now));
      TRY(insert_roles(conn, d, ids, out.trust_id, std::nullopt, now));
      out.sign_ins.push_back(
          {"trustee", std::string(role_label(Role::kTrustBoardMember)), kDemoTrustName, ids[0]});
      TRY(append_audit(
          conn, clock, actor,
          AuditEvent{"demo.create", "trust", std::to_string(out.trust_id), std::nullopt,
                     nlohmann::json{{"trustees", d.people.size()}}.dump()}));
    }

    for (const SchoolPlan& plan : plans()) {
      School school;
      school.trust_id = out.trust_id;
      school.code = std::string(plan.code);
      school.name = std::string(plan.name);
      school.phase = std::string(plan.phase);
      auto created = create_school(conn, clock, actor, school);
      if (!created.ok()) {
        if (created.error().code == ErrorCode::kConflict)
          return Error::conflict("A school with the code '" + school.code +
                                 "' is already in this database; create the demo in an empty "
                                 "database instead.");
        return std::move(created).error();
      }
      school.id = *created;
      out.schools.push_back(school);

      // Staff, governors, volunteers and contractors first: the pupils'
      // competence decisions name the DSL.
      SchoolBuilder b(rng, out.trust_id, school.id, plan.code);
      Draft& staff = b.draft();
      std::map<Role, size_t> first_holder;
      int staff_no = 0, governor_no = 0, volunteer_no = 0, contractor_no = 0;
      for (const JobSpec& job : plan.staff) {
        size_t i = staff.add(b.adult(PersonKind::kStaff, job.title, "S", staff_no));
        staff.roles.emplace_back(i, Role::kStaff);
        if (job.role && *job.role != Role::kStaff) staff.roles.emplace_back(i, *job.role);
        if (job.role) first_holder.emplace(*job.role, i);
      }
      const std::array<std::string_view, 6> governors = {"Chair of governors", "Parent governor",
                                                         "Co-opted governor",  "Community governor",
                                                         "Parent governor",    "Co-opted governor"};
      for (size_t g = 0; g < governors.size(); ++g) {
        size_t i = staff.add(b.adult(PersonKind::kGovernor, governors[g], "G", governor_no));
        staff.roles.emplace_back(i, Role::kGovernor);
        if (g == 0) {
          staff.roles.emplace_back(i, Role::kChairOfGovernors);
          first_holder.emplace(Role::kChairOfGovernors, i);
        } else if (g == 1) {
          first_holder.emplace(Role::kGovernor, i);
        }
      }
      for (std::string_view title :
           {"Reading volunteer", "School trip volunteer", "Library volunteer"}) {
        size_t i = staff.add(b.adult(PersonKind::kVolunteer, title, "V", volunteer_no));
        staff.roles.emplace_back(i, Role::kVolunteer);
        first_holder.emplace(Role::kVolunteer, i);
      }
      for (std::string_view title : {"School photographer", "IT support engineer"})
        staff.add(b.adult(PersonKind::kContractor, title, "X", contractor_no));

      std::vector<int64_t> staff_ids = TRY(insert_people(conn, staff.people, now));
      size_t staff_count = staff.people.size();
      int64_t dsl_id = staff_ids.at(first_holder.at(Role::kDsl));

      // Pupils and their families, in a draft of their own.
      SchoolBuilder fb(rng, out.trust_id, school.id, plan.code);
      fb.add_pupils(plan, now);
      Draft& families = fb.draft();
      for (size_t i : fb.competent_pupils()) families.people[i].competence_decided_by = dsl_id;
      // The PTA chair is a parent of a pupil.
      size_t pta = 0;
      while (families.people[pta].kind != PersonKind::kParent) ++pta;
      families.roles.emplace_back(pta, Role::kPtaChair);
      std::vector<int64_t> family_ids = TRY(insert_people(conn, families.people, now));
      TRY(write_links(conn, families, family_ids));
      TRY(insert_roles(conn, staff, staff_ids, out.trust_id, school.id, now));
      TRY(insert_roles(conn, families, family_ids, out.trust_id, school.id, now));

      for (Role role : all_roles()) {
        if (role == Role::kTrustBoardMember) continue;
        int64_t person_id =
            role == Role::kPtaChair ? family_ids[pta] : staff_ids.at(first_holder.at(role));
        out.sign_ins.push_back({sign_in_prefix(role) + "." + school.code,
                                std::string(role_label(role)), school.name, person_id});
      }

      size_t pupils = 0, parents = 0;
      for (const Person& p : families.people)
        (p.kind == PersonKind::kPupil ? pupils : parents) += 1;
      TRY(append_audit(
          conn, clock, actor,
          AuditEvent{"demo.create", "school", std::to_string(school.id), school.id,
                     nlohmann::json{{"staff_governors_volunteers", staff_count},
                                    {"pupils", pupils},
                                    {"parents", parents},
                                    {"links", families.links.size()},
                                    {"roles", staff.roles.size() + families.roles.size()}}
                         .dump()}));
    }
    return out;
  });
}

}  // namespace inloco
