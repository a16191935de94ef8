// Personal names: who a report names as speaker, convener or attendee. A name is two or
// three characters starting with a common family name, three or four starting with a
// compound family name (欧阳, 司马, 诸葛 …), a transliterated name with a middle dot
// (买买提·艾力), or — right after an office title and before 主持/指出/强调/… — any four
// characters (Tibetan and Mongolian names such as 才让多杰 have no family name).

// Common family names (simplified), so that 五级书记一起抓 does not yield a person called 一起抓.
const SURNAMES = new Set(
  [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利于呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"],
);
const COMPOUND_SURNAMES = /^(欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|宇文|公孙|长孙|尉迟|司徒|司空|夏侯|端木|独孤|南宫|西门|澹台|呼延|轩辕|万俟|闻人|百里|钟离|申屠|太史|濮阳|赫连|拓跋)/;
const DOTTED = /^[\u4e00-\u9fff]{1,6}[·•‧・][\u4e00-\u9fff]{1,8}$/;
const NOT_NAME = /^(同志|领导|干部|会议|主持|出席|全体|有关|相关|我们|大家|他们|各级|强调|指出|要求|讲话|表示|提出|认为|通报|传达)|[的了和在是要]/;
// Four characters after a title that are words, not a name (县长高度重视, 书记专题研究).
const NOT_FOUR_CHAR_NAME = /亲自|专门|专题|高度|充分|认真|一起|同时|随后|首先|全面|委|政府|部门|会议|领导/;

/** A name as a regular-expression source: a dotted name, or two to four characters (lazy). */
export const NAME = "[\\u4e00-\\u9fff]{1,6}[·•‧・][\\u4e00-\\u9fff]{1,8}?|[\\u4e00-\\u9fff]{2,4}?";

/**
 * Whether a run of characters (simplified) is a person's name. `titled`: it follows an
 * office title and precedes a speaking or chairing verb, which vouches for a name without
 * a family name.
 */
export function isPersonName(key: string, titled = false): boolean {
  if (NOT_NAME.test(key)) return false;
  if (DOTTED.test(key)) return true;
  if (COMPOUND_SURNAMES.test(key)) return key.length >= 3 && key.length <= 4;
  if (key.length >= 2 && key.length <= 3) return SURNAMES.has(key[0] ?? "");
  return titled && key.length === 4 && !NOT_FOUR_CHAR_NAME.test(key);
}
