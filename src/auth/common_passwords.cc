#include "auth/common_passwords.h"

#include <array>

namespace inloco {
namespace {

// Lower case. Trailing and leading digits and punctuation are stripped from a
// candidate before it is compared, so stems ("summer") also catch
// "Summer2025!"; whole entries with digits inside ("1qaz2wsx") are kept as
// they are.
constexpr std::string_view kCommon[] = {
    // The classics.
    "password", "passw0rd", "password1", "password12", "password123", "passwords", "passphrase",
    "pass", "passcode", "passport", "secret", "secrets", "topsecret", "mypassword", "newpassword",
    "changeme", "changeit", "default", "letmein", "letmeinnow", "welcome", "welcomeback",
    "welcometoschool", "iloveyou", "iloveyou2", "loveyou", "lovely", "love", "lovelove",
    "trustno1", "trustnoone", "whatever", "nothing", "nopassword", "opensesame", "access",
    "accessgranted", "admin", "administrator", "root", "superuser", "sysadmin", "login", "logon",
    "signin", "user", "username", "guest", "test", "testing", "tester", "demo", "sample",
    "example", "qwerty", "qwertyuiop", "qwertyuiopasdfghjkl", "qwerty123", "qwertz", "azerty",
    "asdf", "asdfgh", "asdfghjkl", "asdfasdf", "asdfjkl", "zxcvbn", "zxcvbnm", "qazwsx",
    "qazwsxedc", "1qaz2wsx", "1qaz2wsx3edc", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y",
    "q1w2e3r4", "q1w2e3r4t5", "zaq12wsx", "zaq1xsw2", "abc123", "abcd1234", "abcdef", "abcdefg",
    "abcdefgh", "a1b2c3d4", "aa123456", "123456", "1234567", "12345678", "123456789",
    "1234567890", "12345678910", "0123456789", "987654321", "9876543210", "111111", "000000",
    "123123", "123321", "654321", "112233", "121212", "666666", "696969", "7777777", "88888888",
    "11111111", "123qwe", "qwe123", "1qazxsw2", "passwordpassword", "qwertyqwerty",
    "correcthorsebatterystaple", "thequickbrownfox", "thequickbrownfoxjumpsoverthelazydog",
    "iloveyouforever", "iloveyousomuch", "ilovemyfamily", "ilovemykids", "ilovemymum",
    "ilovemydog", "ilovemycat", "letmein123", "openup", "blahblah", "whatsup", "hello",
    "helloworld", "hellohello", "hithere", "goodbye", "goodmorning", "goodnight", "myname",
    "mynameis", "yourname", "forgot", "forgotten", "iforgot", "unknown", "private",
    "confidential", "security", "secure", "securepassword", "strongpassword", "verysecure",
    "computer", "internet", "laptop", "windows", "microsoft", "office", "outlook", "google",
    "apple", "iphone", "samsung", "android", "facebook", "instagram", "twitter", "youtube",
    "tiktok", "snapchat", "linkedin", "netflix", "amazon", "minecraft", "fortnite", "roblox",
    "pokemon", "starwars", "harrypotter", "hogwarts", "gryffindor", "batman", "superman",
    "spiderman", "ironman", "pikachu", "matrix", "trinity", "zelda", "mario", "gandalf",
    "frodo", "dragon", "dragons", "monkey", "shadow", "master", "sunshine", "princess",
    "prince", "flower", "flowers", "butterfly", "rainbow", "unicorn", "angel", "angels",
    "baby", "babygirl", "babyboy", "sweetheart", "sweetie", "honey", "darling", "kisses",
    "cookie", "cupcake", "chocolate", "banana", "cheese", "pepper", "ginger", "biscuit",
    "muffin", "pumpkin", "peanut", "bubbles", "sparkle", "glitter", "daisy", "rose",
    "tigger", "puppy", "kitten", "doggy", "charlie", "buster", "bailey", "max", "molly",
    "bella", "poppy", "alfie", "freddie", "jessica", "michael", "jennifer", "daniel",
    "thomas", "jordan", "robert", "george", "oliver", "harry", "jack", "sophie", "emily",
    "ashley", "nicole", "jasmine", "andrew", "joshua", "matthew", "william", "samantha",
    "liverpool", "liverpoolfc", "ynwa", "arsenal", "arsenalfc", "chelsea", "chelseafc",
    "manutd", "manchesterunited", "manunited", "mufc", "mancity", "manchestercity", "mcfc",
    "tottenham", "spurs", "coyg", "coys", "everton", "evertonfc", "newcastle", "westham",
    "leeds", "leedsunited", "villa", "astonvilla", "celtic", "rangers", "sunderland",
    "southampton", "leicester", "wolves", "brighton", "fulham", "forest", "nottingham",
    "football", "soccer", "rugby", "cricket", "tennis", "golf", "netball", "hockey",
    "basketball", "baseball", "boxing", "champion", "champions", "winner", "winning",
    "england", "london", "scotland", "wales", "ireland", "britain", "greatbritain",
    "unitedkingdom", "manchester", "birmingham", "yorkshire",
    "spring", "summer", "autumn", "winter", "fall", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "christmas", "merrychristmas", "xmas", "easter", "halloween", "newyear", "happynewyear",
    "birthday", "happybirthday", "holiday", "holidays", "summerholidays", "weekend",
    "spring2024", "summer2024", "autumn2024", "winter2024", "spring2025", "summer2025",
    "autumn2025", "winter2025", "spring2026", "summer2026", "autumn2026", "winter2026",
    "teacher", "teachers", "teaching", "headteacher", "headmaster", "headmistress",
    "deputyhead", "principal", "school", "schools", "myschool", "ourschool", "primary",
    "primaryschool", "secondary", "secondaryschool", "academy", "college", "university",
    "classroom", "class", "lesson", "lessons", "student", "students", "pupil", "pupils",
    "learning", "education", "homework", "playground", "assembly", "governor", "governors",
    "trustee", "safeguarding", "staffroom", "staff", "reception", "schooloffice",
    "admin123", "welcome123", "teacher123", "school123", "letmein1", "classof",
    "mathematics", "maths", "english", "science", "history", "geography", "phonics",
    "reading", "writing", "library", "headteacher1", "inloco", "socialmedia",
    "monkey123", "dragon123", "iloveyou123", "sunshine123", "princess123", "football123",
    "shadow123", "master123", "qwerty12345", "password1234", "freedom", "liberty", "peace",
    "family", "friends", "friendship", "together", "forever", "always", "happiness", "happy",
    "smile", "summertime", "sunflower", "moonlight", "starlight", "superstar", "rockstar",
    "music", "guitar", "piano", "dancer", "dancing", "jesus", "jesuschrist", "god", "godisgood",
    "blessed", "faith", "hope", "grace", "heaven", "killer", "hunter", "ranger", "soldier",
    "pirate", "ninja", "warrior", "legend", "hacker", "letmeinplease", "pleaseletmein",
    "mustang", "ferrari", "porsche", "mercedes", "harley", "yamaha", "chevrolet", "jaguar",
    "whatever123", "nothing123", "qwertyuiop123", "aaaaaa", "abcabc", "iloveu", "loveme",
    "trustme", "believe", "wonderful", "beautiful", "gorgeous", "awesome", "amazing",
    "fantastic", "brilliant", "cheeky", "monkeys", "chicken", "purple", "orange", "yellow",
    "green", "blue", "silver", "golden", "diamond", "crystal", "thunder", "lightning",
    "phoenix", "tiger", "lion", "eagle", "falcon", "wolf", "bear", "horse", "panda",
};

}  // namespace

std::span<const std::string_view> common_passwords() { return kCommon; }

}  // namespace inloco
