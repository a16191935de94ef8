// The directory most counties start from: the usual Party and government offices, the
// bureaus that meeting reports name most often, a seat township and its village work team.
// Admins rename, merge or import the rest; aliases are the short names reports use.

export const UNIT_KINDS = ["department", "township", "village", "work_team", "role"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export interface DirectoryEntry {
  name: string;
  kind: UnitKind;
  aliases: string[];
  /** Name of the parent unit (a township above its villages and work teams). */
  parent?: string;
}

const department = (name: string, ...aliases: string[]): DirectoryEntry => ({ name, kind: "department", aliases });

export const STARTER_DIRECTORY: readonly DirectoryEntry[] = [
  department("县委办公室", "县委办"),
  department("县人民政府办公室", "县政府办", "政府办"),
  department("县委组织部", "组织部"),
  department("县委宣传部", "宣传部"),
  department("县发展和改革局", "县发改局", "发改局", "发改委"),
  department("县财政局", "财政局"),
  department("县教育局", "教育局"),
  department("县卫生健康局", "县卫健局", "卫健局"),
  department("县人力资源和社会保障局", "县人社局", "人社局"),
  department("县民政局", "民政局"),
  department("县农业农村局", "农业农村局", "农业局"),
  department("县乡村振兴局", "乡村振兴局"),
  department("县扶贫开发领导小组办公室", "县扶贫办", "扶贫办"),
  department("县住房和城乡建设局", "县住建局", "住建局"),
  department("县交通运输局", "县交通局", "交通局"),
  department("县水利局", "水利局"),
  department("县自然资源局", "自然资源局"),
  department("县生态环境局", "生态环境局", "环保局"),
  department("县市场监督管理局", "县市场监管局", "市场监管局"),
  department("县应急管理局", "县应急局", "应急局"),
  department("县医疗保障局", "县医保局", "医保局"),
  department("县公安局", "公安局"),
  department("县统计局", "统计局"),
  { name: "城关镇", kind: "township", aliases: [] },
  { name: "城关镇驻村工作队", kind: "work_team", aliases: [], parent: "城关镇" },
];
