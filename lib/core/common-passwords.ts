/**
 * Passwords of 12+ characters that appear near the top of public breach
 * corpora, plus the product's own name. Shorter ones fail the length rule
 * already. Compared case-insensitively.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `password1234 password12345 password123456 passwordpassword password1234567 password!234 p@ssw0rd1234
123456789012 1234567890123 12345678901234 123456789123 1234567891011 123123123123 123412341234 111111111111
000000000000 121212121212 987654321012 qwertyuiopas qwertyuiop123 qwertyuiop1234 qwerty123456 qwertyqwerty
1qaz2wsx3edc 1q2w3e4r5t6y 1q2w3e4r5t6y7u qazwsxedcrfv zaq12wsxcde3 asdfghjkl123 asdfghjkl1234 asdfasdfasdf
zxcvbnm12345 iloveyou1234 iloveyouiloveyou letmein12345 welcome12345 welcome123456 administrator admin1234567
adminadminadmin changeme1234 changemenow1 trustno11234 football1234 baseball1234 basketball12 superman1234
batman123456 starwars1234 sunshine1234 princess1234 michael12345 jennifer1234 charlie12345 computer1234
internet1234 whatever1234 monkey123456 dragon123456 master123456 shadow123456 abcdefghijkl abcdefgh1234
abc123456789 abcd12345678 aaaaaaaaaaaa passw0rd1234 correcthorsebatterystaple thequickbrownfox letmeinplease
mypassword123 mypassword1234 secretpassword verysecurepassword supersecretpassword newpassword123 newpassword1234
summer2024!! summer202412 winter202412 spring202412 autumn202412 january20241 password2024 password2025
password2026 welcome2024! welcome2025! welcome2026! afterview123 afterview1234 afterviewafterview
hellohello12 helloworld12 helloworld123 helloworld1234 goodmorning1 goodmorning12 loveyouforever
iloveyoubaby 1234567890qwerty qwerty1234567890 zaq1zaq1zaq1 q1w2e3r4t5y6 a1b2c3d4e5f6 11111111111111
0987654321qw poiuytrewq12 mnbvcxz12345 lkjhgfdsa123 trustnoone12 freedom12345 liverpool123 chelsea12345
arsenal12345 manchester12 minecraft123 pokemon12345 fortnite1234 starwars12345 harrypotter1 harrypotter12`
    .split(/\s+/)
    .filter(Boolean),
);
