<%@ page language="java" contentType="text/html; charset=GBK" pageEncoding="GBK"%>
<%@ include file="/include/header.jsp" %>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于做好2021年度重点单位节能目标责任评价考核工作的通知</title></head>
<body><table width="100%" border="0"><tr><td class="topbar">网站首页 | 机构设置 | 政策法规</td></tr>
<tr><td>
<div class="con_title">关于做好2021年度重点单位节能目标责任评价考核工作的通知</div>
<div class="con_text">
<p>各区县发展改革委：</p>
<p>请各区县于2022年3月31日前将考核结果报送我委（环资处），逾期不报的视为不合格。</p>
<p>联系人：张明，电话：010-12345678。</p>
<table border="1"><tr><th>考核指标</th><th>分值</th></tr><tr><td>节能目标完成情况</td><td>40</td></tr><tr><td>节能措施落实情况</td><td>60</td></tr></table>
</div>
</td></tr></table>
<div id="foot">版权所有 北京市发展和改革委员会</div>
</body></html>