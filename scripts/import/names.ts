/**
 * Name tables the importer needs that no data row states: organisations Epoch AI names differently
 * from the dataset, the Chinese list's company names, and the Chinese names of Chinese organisations
 * Epoch lists in English. Each is a reviewable mapping, not a fact about anything.
 */

/** Epoch organisation names → dataset entity ids, where normalised names do not meet. */
export const ORG_EQUIVALENTS: Record<string, string> = {
  DeepMind: 'google-deepmind',
  'Google DeepMind': 'google-deepmind',
  'Google Brain': 'google-deepmind',
  'Z.ai (Zhipu AI)': 'zhipu-ai',
  'Zhipu AI': 'zhipu-ai',
  Moonshot: 'moonshot-ai',
  'Moonshot AI': 'moonshot-ai',
  'Kunlun Inc.': 'kunlun-tech',
  'Megvii Inc': 'megvii',
  'Meituan Inc': 'meituan',
  'JD.com': 'jd-com',
  'Beijing Academy of Artificial Intelligence / BAAI': 'baai',
  'Amazon Web Services': 'amazon',
  'Stability AI': 'stability-ai',
  'Mistral AI': 'mistral-ai',
  'Allen Institute for AI': 'ai2',
};

/** Epoch organisation names that are another name of an organisation Epoch also lists. */
export const ORG_RENAMES: Record<string, string> = {
  'Facebook AI': 'Meta AI',
};

/** Company names in the Chinese list → dataset entity ids, where the names differ. */
export const CHINESE_COMPANY_EQUIVALENTS: Record<string, string> = {
  智谱华章: 'zhipu-ai',
  智谱AI: 'zhipu-ai',
  百川智能: 'baichuan',
  阿里云: 'alibaba-cloud',
  月之暗面: 'moonshot-ai',
  零一万物: '01-ai',
  深度求索: 'deepseek',
  稀宇科技: 'minimax',
  阶跃星辰: 'stepfun',
  面壁智能: 'modelbest',
  科大讯飞: 'iflytek',
  商汤科技: 'sensetime',
  商汤: 'sensetime',
  昆仑万维: 'kunlun-tech',
  '360': 'qihoo-360',
  三六零: 'qihoo-360',
  网易有道: 'netease-youdao',
  中科院自动化所: 'casia',
  中国科学院自动化研究所: 'casia',
  北京智源人工智能研究院: 'baai',
  智源研究院: 'baai',
  上海人工智能实验室: 'shanghai-ai-lab',
};

/** Chinese names of Chinese organisations that Epoch AI lists by their English names. */
export const CHINESE_ORG_NAMES: Record<string, string> = {
  'Tsinghua University': '清华大学',
  'Chinese University of Hong Kong (CUHK)': '香港中文大学',
  'Peking University': '北京大学',
  'Chinese Academy of Sciences': '中国科学院',
  'Nanjing University': '南京大学',
  'Microsoft Research Asia': '微软亚洲研究院',
  'Beihang University': '北京航空航天大学',
  'Westlake University': '西湖大学',
  'Zhejiang University (ZJU)': '浙江大学',
  'Beijing Institute of Technology': '北京理工大学',
  'Hong Kong Polytechnic University': '香港理工大学',
  Inspur: '浪潮',
  'Hong Kong University of Science and Technology (HKUST)': '香港科技大学',
  'Huazhong University of Science and Technology': '华中科技大学',
  'Shenzhen Institute of Advanced Technology': '中国科学院深圳先进技术研究院',
  "Huawei Noah's Ark Lab": '华为诺亚方舟实验室',
  'Peng Cheng Laboratory': '鹏城实验室',
  'Beijing University of Posts and Telecommunications': '北京邮电大学',
  'Xi’an Jiaotong University': '西安交通大学',
  'Shanghai Jiao Tong University': '上海交通大学',
  'China Telecom': '中国电信',
  'ShanghaiTech University': '上海科技大学',
  'Wuhan University': '武汉大学',
  'JD Explore Academy': '京东探索研究院',
  'Soochow University': '苏州大学',
  'Alibaba DAMO Academy': '阿里巴巴达摩院',
  'National Tsing Hua University': '國立清華大學',
  'Northeastern University (China)': '东北大学',
  'Nankai University': '南开大学',
  'Tianjin University': '天津大学',
  'Shandong University': '山东大学',
  'Fudan University': '复旦大学',
  'Harbin Institute of Technology': '哈尔滨工业大学',
  'University of Chinese Academy of Sciences': '中国科学院大学',
  'Jiangnan University': '江南大学',
  'Sun Yat-sen University': '中山大学',
  'University of Science and Technology of China (USTC)': '中国科学技术大学',
  Kingsoft: '金山软件',
  Mobvoi: '出门问问',
  'Zhuiyi Technology': '追一科技',
  'Shanghai Qi Zhi institute': '上海期智研究院',
  'BioMap Research': '百图生科',
  'Shannon.AI': '香侬科技',
  'Wuhan AI Computing Center': '武汉人工智能计算中心',
  'NiuTrans Research': '小牛翻译',
  'Dezhou University': '德州学院',
};
