/**
 * The default catalogue as version 1 was seeded (frozen: the 1764288100000 migration
 * inserts exactly this; later versions are later migrations' data).
 */
export const DEFAULT_CATALOGUE_V1: {
  code: string;
  name: string;
  department: string;
  regime: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  documents: { code: string; name: string; tolerable: boolean }[];
  applies: Record<string, unknown>;
}[] = [
  {"code":"A01","name":"企业投资项目备案","department":"发展和改革局","regime":"approval","legalLimitDays":3,"promisedLimitDays":1,"documents":[{"code":"D01","name":"项目备案申请表","tolerable":false}],"applies":{}},
  {"code":"A02","name":"建设用地规划许可证","department":"自然资源和规划局","regime":"approval","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D02","name":"建设用地申请表","tolerable":false},
  {"code":"D03","name":"土地出让合同","tolerable":false},
  {"code":"D04","name":"宗地图","tolerable":true}],"applies":{"requiresLand":true}},
  {"code":"A03","name":"环境影响评价审批（报告书）","department":"生态环境局","regime":"approval","legalLimitDays":60,"promisedLimitDays":20,"documents":[{"code":"D05","name":"环境影响报告书","tolerable":false},
  {"code":"D06","name":"公众参与说明","tolerable":true}],"applies":{"industries":["C22","C25","C26","C27","C30","C31","C32"]}},
  {"code":"A04","name":"固定资产投资项目节能审查","department":"发展和改革局","regime":"approval","legalLimitDays":20,"promisedLimitDays":10,"documents":[{"code":"D07","name":"节能报告","tolerable":false}],"applies":{"minInvestment":5000,"notOnStandardLand":true}},
  {"code":"A05","name":"消防设计审查","department":"住房和城乡建设局","regime":"approval","legalLimitDays":15,"promisedLimitDays":7,"documents":[{"code":"D08","name":"消防设计文件","tolerable":false},
  {"code":"D09","name":"设计单位资质证明","tolerable":true}],"applies":{"requiresLand":true}},
  {"code":"A06","name":"建筑工程施工许可证","department":"住房和城乡建设局","regime":"approval","legalLimitDays":7,"promisedLimitDays":3,"documents":[{"code":"D10","name":"施工合同","tolerable":false},
  {"code":"D11","name":"监理合同","tolerable":true},
  {"code":"D12","name":"资金到位证明","tolerable":true}],"applies":{"requiresLand":true}},
  {"code":"C01","name":"建设工程规划许可证","department":"自然资源和规划局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D13","name":"设计方案","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C02","name":"施工图设计文件审查（告知承诺）","department":"住房和城乡建设局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D14","name":"施工图设计文件","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C03","name":"人防工程设计审查","department":"人民防空办公室","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D15","name":"人防设计文件","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C04","name":"防雷装置设计审核","department":"气象局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D16","name":"防雷装置设计文件","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C05","name":"环境影响评价审批（报告表）","department":"生态环境局","regime":"committable","legalLimitDays":30,"promisedLimitDays":10,"documents":[{"code":"D17","name":"环境影响报告表","tolerable":false}],"applies":{"exceptIndustries":["C22","C25","C26","C27","C30","C31","C32"]}},
  {"code":"C06","name":"水土保持方案审批","department":"水利局","regime":"committable","legalLimitDays":20,"promisedLimitDays":10,"documents":[{"code":"D18","name":"水土保持方案","tolerable":false}],"applies":{"requiresLand":true,"notOnStandardLand":true}},
  {"code":"C07","name":"取水许可","department":"水利局","regime":"committable","legalLimitDays":45,"promisedLimitDays":15,"documents":[{"code":"D19","name":"水资源论证报告","tolerable":false}],"applies":{"industries":["C13","C15","C17","C22","C26","C31"]}},
  {"code":"C08","name":"城镇污水排入排水管网许可","department":"住房和城乡建设局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D20","name":"排水方案","tolerable":false}],"applies":{}},
  {"code":"C09","name":"建设工程质量安全监督登记","department":"住房和城乡建设局","regime":"committable","legalLimitDays":5,"promisedLimitDays":2,"documents":[{"code":"D21","name":"监督登记表","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C10","name":"园林绿化工程方案审查","department":"住房和城乡建设局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D22","name":"绿化方案","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C11","name":"城市道路挖掘、占用许可","department":"住房和城乡建设局","regime":"committable","legalLimitDays":20,"promisedLimitDays":5,"documents":[{"code":"D23","name":"施工方案","tolerable":false}],"applies":{"requiresLand":true}},
  {"code":"C12","name":"特种设备安装改造维修告知","department":"市场监督管理局","regime":"committable","legalLimitDays":5,"promisedLimitDays":1,"documents":[{"code":"D24","name":"告知书","tolerable":false}],"applies":{}},
  {"code":"U01","name":"区域环境影响评价","department":"生态环境局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U02","name":"区域节能评价","department":"发展和改革局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U03","name":"压覆重要矿产资源评估","department":"自然资源和规划局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U04","name":"地质灾害危险性评估","department":"自然资源和规划局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U05","name":"地震安全性评价","department":"应急管理局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U06","name":"洪水影响评价","department":"水利局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U07","name":"水资源论证（区域）","department":"水利局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"U08","name":"文物考古调查勘探","department":"文化和旅游局","regime":"unified-service","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"X01","name":"雷电灾害风险评估","department":"气象局","regime":"cancelled","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}},
  {"code":"X02","name":"建设项目交通影响评价","department":"公安局","regime":"cancelled","legalLimitDays":0,"promisedLimitDays":0,"documents":[],"applies":{}}
];
