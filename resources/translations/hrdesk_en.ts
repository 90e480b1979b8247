<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="80" />
        <source>关于 hrdesk</source>
        <translation>About hrdesk</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="84" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="85" />
        <source>第三方许可</source>
        <translation>Third-party licences</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="104" />
        <source>北京市工作居住证办理助手：员工档案、资格检查、材料清单、期限提醒、表格打印和材料包。</source>
        <translation>A workbench for Beijing Work Residence Permit applications: employee records, eligibility checks, material checklists, deadline reminders, printed forms and submission packs.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="107" />
        <source>hrdesk 是自由软件，按 GNU Affero 通用公共许可证第 3 版或（由您选择）任何更新版本发布；</source>
        <translation>hrdesk is free software, released under the GNU Affero General Public License, version 3 or (at your option) any later version; </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="110" />
        <source>不提供任何担保。您可以按该许可证再发布和修改它。许可证全文和源代码见“第三方许可”页的 hrdesk 一项。</source>
        <translation>it comes with no warranty. You may redistribute and modify it under that licence. The full licence and where to find the source code are under hrdesk on the Third-party licences page.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="113" />
        <source>本软件包含第三方组件（Qt、PySide6、PyMuPDF、ReportLab、Droid Sans Fallback 字体等），</source>
        <translation>This software includes third-party components (Qt, PySide6, PyMuPDF, ReportLab, the Droid Sans Fallback font and others), </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="115" />
        <source>各自按其许可证提供，见“第三方许可”。</source>
        <translation>each under its own licence: see Third-party licences.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="116" />
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="117" />
        <source>所有数据仅保存在本机。</source>
        <translation>All data stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="152" />
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/about_dialog.py" line="152" />
        <source>源代码</source>
        <translation>Source code</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="50" />
        <source>经办人</source>
        <translation>Business agent</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="56" />
        <source>在本单位缴纳社保</source>
        <translation>Insured (social insurance) by this unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="58" />
        <source>在岗（可办理业务）</source>
        <translation>Active (may handle business)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="63" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="64" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="65" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="78" />
        <source>姓名必填</source>
        <translation>The name is required</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="84" />
        <source>身份证号无效，请核对（可留空）</source>
        <translation>The ID number is not valid; check it (or leave it empty)</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="22" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="23" />
        <source>单位审核中</source>
        <translation>In unit review</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="24" />
        <source>已提交主管部门</source>
        <translation>Submitted to the authority</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="25" />
        <source>被退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="26" />
        <source>已核准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="27" />
        <source>审核不通过</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="45" />
        <source>新建业务…</source>
        <translation>New business…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="46" />
        <source>更新状态…</source>
        <translation>Update status…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="49" />
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="49" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="49" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="49" />
        <source>退回意见 / 备注</source>
        <translation>Return reasons / notes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="57" />
        <source>新建业务</source>
        <translation>New business</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="57" />
        <source>业务类型：</source>
        <translation>Business:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="78" />
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="84" />
        <source>更新状态</source>
        <translation>Update status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="78" />
        <source>新状态：</source>
        <translation>New status:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="84" />
        <source>退回意见：</source>
        <translation>Return reasons:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/applications_panel.py" line="98" />
        <source>状态改为“{status}”</source>
        <translation>status set to “{status}”</translation>
    </message>
</context>
<context>
    <name>BulkPacksDialog</name>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="64" />
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="300" />
        <source>批量生成材料包</source>
        <translation>Bulk packs</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="68" />
        <source>业务：</source>
        <translation>Business:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="71" />
        <source>各自当前业务</source>
        <translation>Each employee's current business</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="76" />
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="79" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="90" />
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="111" />
        <source>生成</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="91" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="92" />
        <source>证件号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="93" />
        <source>业务</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="94" />
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="95" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="102" />
        <source>生成后这里列出已生成、未纳入和被拒绝的员工。</source>
        <translation>After building, the employees built, left out and refused are listed here.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="112" />
        <source>取消生成</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="113" />
        <source>保存报告…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="114" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="147" />
        <source>正在检查 {n} 名员工是否符合条件…</source>
        <translation>Checking whether {n} employees are eligible…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="176" />
        <source>符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="176" />
        <source>不符合</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="191" />
        <source>{ok} 名员工符合条件，将生成材料包。</source>
        <translation>{ok} employees are eligible and get a pack. </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="193" />
        <source>{n} 名不符合条件（原因见表），默认不生成；勾选“生成”可仍然纳入。</source>
        <translation>{n} are not eligible (reasons in the table) and are left out; tick “Build” to include them anyway.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="219" />
        <source>选择保存材料包的文件夹</source>
        <translation>Choose the folder for the packs</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="275" />
        <source>正在取消：当前这份材料包不会留下半成品…</source>
        <translation>Cancelling: the pack under way leaves nothing half-built…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="288" />
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="288" />
        <source>完成。</source>
        <translation>Done. </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="289" />
        <source>已生成 {built} 个，未纳入 {skipped} 名，被拒绝 {refused} 名。</source>
        <translation>{built} built, {skipped} left out, {refused} refused.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="316" />
        <source>报告已保存：{path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="321" />
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="332" />
        <source>保存报告</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/packs/bulk_packs.py" line="332" />
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="69" />
        <source>已逾期（须立即处理）</source>
        <translation>Overdue (act now)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="70" />
        <source>7天内</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="71" />
        <source>30天内</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="72" />
        <source>更晚</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="73" />
        <source>到期日（无须办理）</source>
        <translation>Expiry (nothing to file)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="169" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="169" />
        <source>员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="169" />
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="176" />
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="177" />
        <source>证件到期</source>
        <translation>Permit expiry</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="180" />
        <source>材料有效期</source>
        <translation>Material validity</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="181" />
        <source>单位审核</source>
        <translation>Unit review</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="202" />
        <source>注意：{years} 年的放假安排尚未公布：法定假日按《全国年节及纪念日放假办法》估算，调休按最不利情形计算（期限只会提前）。通知发布后请在设置中粘贴。</source>
        <translation>Note: the holiday schedule for {years} is not published yet. Statutory holidays are estimated from the national holiday rules and make-up workdays are assumed the least favourable way (deadlines can only come earlier). Paste the notice in Settings once it is out.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="214" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="255" />
        <source>另有 {n} 项未列出：请按单位或类型筛选（名单中已逾期者排在最前）。</source>
        <translation>{n} more not listed: filter by unit or kind (overdue people are at the top of the list).</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="265" />
        <source>【已逾期】</source>
        <translation>[OVERDUE] </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="285" />
        <source>打开员工</source>
        <translation>Open employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="287" />
        <source>提醒推迟 1 天</source>
        <translation>Snooze reminder 1 day</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="288" />
        <source>提醒推迟 1 周</source>
        <translation>Snooze reminder 1 week</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/calendar_view.py" line="289" />
        <source>不再提醒</source>
        <translation>Dismiss reminder</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="30" />
        <source>添加子女…</source>
        <translation>Add child…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="31" />
        <source>删除所选子女</source>
        <translation>Remove selected child</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="41" />
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="44" />
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="52" />
        <source>添加子女</source>
        <translation>Add child</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="41" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="44" />
        <source>出生日期（YYYY-MM-DD）：</source>
        <translation>Birth date (YYYY-MM-DD):</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="52" />
        <source>日期格式应为 2026-01-31</source>
        <translation>Use the form 2026-01-31</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="73" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="73" />
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="73" />
        <source>随往</source>
        <translation>Accompanies</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="73" />
        <source>父母</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="85" />
        <source>已婚</source>
        <translation>Married</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="86" />
        <source>未婚生育</source>
        <translation>Unmarried parents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="87" />
        <source>离异抚养</source>
        <translation>Divorced, in custody</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="93" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/children_panel.py" line="93" />
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ConfirmFieldsDialog</name>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="133" />
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="274" />
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="290" />
        <source>从扫描件填写</source>
        <translation>Fill from scans</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="136" />
        <source>正在读取扫描件…</source>
        <translation>Reading the scans…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="146" />
        <source>采用</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="146" />
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="146" />
        <source>档案中</source>
        <translation>In the record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="146" />
        <source>扫描件上</source>
        <translation>On the scan</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="146" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="159" />
        <source>写入所选</source>
        <translation>Write the ticked values</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="162" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="177" />
        <source>{month} 月收入</source>
        <translation>Income {month}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="179" />
        <source>{month} 月纳税</source>
        <translation>Tax paid {month}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="181" />
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="183" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="182" />
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="184" />
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="185" />
        <source>起始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="186" />
        <source>终止日期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="187" />
        <source>毕业日期</source>
        <translation>Graduated on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="188" />
        <source>出租人</source>
        <translation>Lessor</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="189" />
        <source>房屋地址</source>
        <translation>Address of the home</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="194" />
        <source>档案中为空</source>
        <translation>Empty in the record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="195" />
        <source>与档案不同</source>
        <translation>Differs from the record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="196" />
        <source>一致</source>
        <translation>Same</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="218" />
        <source>{file} 第 {page} 页（置信度 {c:.0%}）</source>
        <translation>{file} p. {page} (confidence {c:.0%})</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="224" />
        <source>读出 {n} 项可填入档案，{same} 项与档案一致。勾选要采用的项，再点“写入所选”。</source>
        <translation>{n} values read that the record can take, {same} already the same. Tick what to take, then click “Write the ticked values”.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="229" />
        <source>没有可读取信息的扫描件（身份证、户口簿、学历、合同等）。</source>
        <translation>No attached scan has facts to read (ID card, household register, diplomas, contracts …).</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="231" />
        <source>无法读取：{files}</source>
        <translation>Cannot read: {files}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="240" />
        <source>读取扫描件失败。</source>
        <translation>Reading the scans failed.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="250" />
        <source>（无法显示该处扫描件）</source>
        <translation>(this part of the scan cannot be shown)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="274" />
        <source>未勾选任何项：档案未改动。</source>
        <translation>Nothing ticked: the record is unchanged.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/confirm_fields.py" line="290" />
        <source>写入失败。</source>
        <translation>Writing failed.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="19" />
        <source>另一台电脑已修改</source>
        <translation>Changed on another computer</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="21" />
        <source>您打开{what}之后，另一台电脑保存了修改。</source>
        <translation>Another computer saved changes to {what} after you opened it.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="23" />
        <source>重新载入：显示对方保存的内容，放弃您这次的修改。覆盖：用您的修改替换对方的。</source>
        <translation>Reload: show what the other computer saved and drop your edit. Overwrite: replace theirs with your edit.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="28" />
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="31" />
        <source>覆盖</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/conflicts.py" line="33" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../hrdesk/ui/desks/connection_banner.py" line="71" />
        <source>无法连接数据库服务器…正在自动重试。您的修改仍在窗口中，连接恢复后会自动保存。</source>
        <translation>Cannot reach the database server… retrying. Your edits stay in the window and are saved as soon as the connection is back.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/connection_banner.py" line="73" />
        <source>重试</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../hrdesk/ui/crash.py" line="30" />
        <source>hrdesk 出错了</source>
        <translation>hrdesk ran into a problem</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/crash.py" line="31" />
        <source>hrdesk 遇到了一个意外错误（{kind}）。已保存的记录不受影响；未保存的修改可能需要重新输入。

日志文件：{path}</source>
        <translation>hrdesk hit an unexpected error ({kind}). Saved records are safe; unsaved changes may need to be entered again.

Log file: {path}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="276" />
        <source>概览（正在生成演示数据… {done} / {total} 名员工）</source>
        <translation>Overview (building the demo data… {done} / {total} employees)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="279" />
        <source>概览（正在生成演示数据…）</source>
        <translation>Overview (building the demo data…)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="280" />
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="280" />
        <source>概览（正在载入…）</source>
        <translation>Overview (loading…)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="284" />
        <source>未来12个月证件到期人数（点击柱子筛选名单）</source>
        <translation>Permits expiring in the next 12 months (click a bar to filter)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="285" />
        <source>点击状态或柱子筛选左侧名单；选择一名员工查看详情。</source>
        <translation>Click a status or a bar to filter the list; select an employee for details.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="309" />
        <source>已逾期（立即处理）</source>
        <translation>Overdue (act now)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="310" />
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/dashboard.py" line="311" />
        <source>30天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../hrdesk/ui/employees/date_field.py" line="36" />
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/date_field.py" line="42" />
        <source>日期格式应为 2026-01-31，且须是真实日期</source>
        <translation>Use the form 2026-01-31, and a real date</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="75" />
        <source>业务类型：</source>
        <translation>Business:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="83" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="83" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="83" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="84" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="84" />
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="121" />
        <source>原单位解除关联已逾期（{date}）— 请立即联系原单位办理解除，或联系主管部门。</source>
        <translation>The previous employer's unlink is overdue ({date}) — contact the previous employer to unlink now, or contact the authority.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="123" />
        <source>单位审核已超过 7 天（{date}）— 系统会自动退回，请立即审核。</source>
        <translation>The unit review is over 7 days ({date}) — the system returns the application automatically; review it now.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="125" />
        <source>已过最晚安全提交日（{date}）— 请立即提交，或联系主管部门。</source>
        <translation>Past the last safe day to submit ({date}): submit now, or contact the authority.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="130" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="130" />
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="131" />
        <source>符合条件</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="131" />
        <source>材料齐全</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="132" />
        <source>符合的申请条件</source>
        <translation>Qualifying categories</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="132" />
        <source>收入标准</source>
        <translation>Income threshold</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="153" />
        <source>阻断</source>
        <translation>Blocker</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="153" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/eligibility_panel.py" line="153" />
        <source>提示</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>EmployeeActions</name>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="33" />
        <source>撤销：{what}</source>
        <translation>Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="33" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="43" />
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="50" />
        <source>新建员工</source>
        <translation>New employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="50" />
        <source>请先在“单位与经办人”中添加一个单位。</source>
        <translation>Add a unit under Units and agents first.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="67" />
        <source>删除员工</source>
        <translation>Delete employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="69" />
        <source>确定删除员工 &lt;b&gt;{name}&lt;/b&gt;（{id}，{unit}）的全部记录吗？&lt;br&gt;可用“编辑 → 撤销”(Ctrl+Z) 恢复。</source>
        <translation>Delete all records of employee &lt;b&gt;{name}&lt;/b&gt; ({id}, {unit})?&lt;br&gt;Edit → Undo (Ctrl+Z) brings them back.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employee_actions.py" line="85" />
        <source>删除 {name}</source>
        <translation>delete {name}</translation>
    </message>
</context>
<context>
    <name>EmployeeDetail</name>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="78" />
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="182" />
        <source>档案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="78" />
        <source>资格检查</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="78" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="78" />
        <source>业务记录</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="78" />
        <source>随往子女</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="113" />
        <source>档案中有错误（见红字），请改正后再保存。</source>
        <translation>The profile has errors (shown in red); correct them before saving.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="158" />
        <source>身份证号重复</source>
        <translation>Duplicate ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="159" />
        <source>身份证号 {id} 已属于员工 {name}。同一人只能有一条记录，未保存。</source>
        <translation>ID number {id} already belongs to employee {name}. One person has one record; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="166" />
        <source>打开 {name} 的记录</source>
        <translation>Open {name}'s record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="168" />
        <source>返回修改</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_detail.py" line="178" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="95" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="96" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="97" />
        <source>下一期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="98" />
        <source>证件有效期至</source>
        <translation>Permit expires</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="99" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="100" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="32" />
        <source>导入名单</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="55" />
        <location filename="../../hrdesk/ui/file_actions.py" line="84" />
        <location filename="../../hrdesk/ui/file_actions.py" line="86" />
        <source>导出名单</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="57" />
        <source>Excel (*.xlsx);;档案 JSON (*.json)</source>
        <translation>Excel (*.xlsx);;Profile JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="80" />
        <source>正在导出名单…</source>
        <translation>Exporting the roster…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="84" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="92" />
        <location filename="../../hrdesk/ui/file_actions.py" line="104" />
        <location filename="../../hrdesk/ui/file_actions.py" line="105" />
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="94" />
        <source>备份文件 (*.zip)</source>
        <translation>Backup file (*.zip)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="104" />
        <source>备份完成。</source>
        <translation>Backup complete.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="111" />
        <location filename="../../hrdesk/ui/file_actions.py" line="120" />
        <source>打印表格</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="111" />
        <location filename="../../hrdesk/ui/file_actions.py" line="132" />
        <source>请先选择一名员工。</source>
        <translation>Select an employee first.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="114" />
        <source>诚信声明（个人）</source>
        <translation>Integrity declaration (individual)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="115" />
        <source>诚信声明（单位）</source>
        <translation>Integrity declaration (unit)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="116" />
        <source>房屋借住声明</source>
        <translation>Housing-borrowing declaration</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="117" />
        <source>材料清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="120" />
        <source>选择表格：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="132" />
        <location filename="../../hrdesk/ui/file_actions.py" line="167" />
        <location filename="../../hrdesk/ui/file_actions.py" line="182" />
        <source>生成材料包</source>
        <translation>Build submission pack</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="135" />
        <source>选择保存材料包的文件夹</source>
        <translation>Choose the folder for the packs</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="147" />
        <source>正在生成材料包…</source>
        <translation>Building the pack…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="147" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="169" />
        <source>材料不齐全或有缺陷：
{problems}

仍要生成吗？材料清单会注明这些问题。</source>
        <translation>Materials are missing or defective:
{problems}

Build the pack anyway? The checklist will list these problems.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="195" />
        <location filename="../../hrdesk/ui/file_actions.py" line="215" />
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="195" />
        <source>日历 (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="215" />
        <source>已导出 {n} 项期限。</source>
        <translation>Exported {n} deadlines.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="232" />
        <source>用户录入</source>
        <translation>Entered by the user</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="276" />
        <source>不再提醒：{name} {what}</source>
        <translation>Reminder dismissed: {name} {what}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/file_actions.py" line="279" />
        <source>提醒已推迟：{name} {what}</source>
        <translation>Reminder snoozed: {name} {what}</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="89" />
        <source>开始使用</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="90" />
        <source>还没有任何员工记录。按下面三步开始：资料只保存在本机，不会上传。</source>
        <translation>There are no employee records yet. Start with these three steps; your data stays on this computer and is never uploaded.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="93" />
        <source>创建用人单位</source>
        <translation>Create the employer</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="93" />
        <source>导入名单或添加员工</source>
        <translation>Import a roster or add employees</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="93" />
        <source>添加材料扫描件</source>
        <translation>Add the scanned materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="100" />
        <source>填写单位名称、所在区、纳税情况和业务经办人：办理条件按所在区的指南检查。</source>
        <translation>Enter the unit's name, district, taxes and business agents: conditions are checked against that district's guide.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="101" />
        <source>从 Excel 或 CSV 名单一次导入多名员工（先用模板），或逐个添加。</source>
        <translation>Import many employees at once from an Excel or CSV roster (start from the template), or add them one by one.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="102" />
        <source>把身份证、劳动合同等扫描件拖到“材料”页：程序检查彩色、方向和页序。</source>
        <translation>Drag scans of ID cards, labour contracts and the like onto the Materials tab: colour, orientation and page order are checked.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="107" />
        <source>创建单位…</source>
        <translation>Create unit…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="108" />
        <source>导入名单…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="109" />
        <source>添加员工</source>
        <translation>Add employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/first_run.py" line="110" />
        <source>添加材料</source>
        <translation>Add materials</translation>
    </message>
</context>
<context>
    <name>FolderDrop</name>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="79" />
        <source>从文件夹新建员工</source>
        <translation>New employee from a folder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="79" />
        <source>请先在“单位与经办人”中添加一个单位。</source>
        <translation>First add a unit under “Units and agents”.</translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="40" />
        <source>表格预览</source>
        <translation>Form preview</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="52" />
        <source>正在生成表格…</source>
        <translation>Preparing the form…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="59" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="60" />
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="61" />
        <source>用系统阅读器打开</source>
        <translation>Open in the system viewer</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="62" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="101" />
        <source>无法生成表格：</source>
        <translation>Could not prepare the form: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="127" />
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="161" />
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="127" />
        <source>无法保存：</source>
        <translation>Could not save: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="129" />
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="141" />
        <source>正在发送到打印机…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="147" />
        <source>已发送到打印机：{n} 页</source>
        <translation>Sent to the printer: {n} pages</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="152" />
        <source>打印失败：</source>
        <translation>Printing failed: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/forms/form_preview.py" line="162" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../hrdesk/ui/i18n.py" line="29" />
        <source>zh</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>ListFilters</name>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="83" />
        <source>搜索姓名、身份证号或单位…</source>
        <translation>Search name, ID number or unit…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="91" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="95" />
        <source>全部区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="95" />
        <source>昌平区</source>
        <translation>Changping</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="95" />
        <source>延庆区</source>
        <translation>Yanqing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="97" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="145" />
        <source>显示 {shown} / 共 {total} 名员工</source>
        <translation>Showing {shown} of {total} employees</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="165" />
        <source>正在查看的 {name} 不在筛选结果中：清除筛选后会在列表中选中。</source>
        <translation>{name}, whose page is open, is hidden by the filter; clear the filter to select them in the list again.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="174" />
        <source>搜索：{text}</source>
        <translation>Search: {text}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="185" />
        <source>{year} 年 {month} 月到期</source>
        <translation>Expiring in {year}-{month:02d}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="197" />
        <source>取消这个筛选</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="205" />
        <source>显示 {shown} / {total}</source>
        <translation>Showing {shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/list_filters.py" line="206" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="230" />
        <source>hrdesk — 工作居住证办理助手</source>
        <translation>hrdesk — Work Residence Permit assistant</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="232" />
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="111" />
        <source>新建员工</source>
        <translation>New employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="112" />
        <source>删除员工</source>
        <translation>Delete employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="113" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="114" />
        <source>下一位员工</source>
        <translation>Next employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="115" />
        <source>上一位员工</source>
        <translation>Previous employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="116" />
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="117" />
        <source>期限日历</source>
        <translation>Deadline calendar</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="118" />
        <source>导出日历 (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="119" />
        <source>导入名单…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="120" />
        <source>导出名单…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="121" />
        <source>备份…</source>
        <translation>Backup…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="122" />
        <source>单位与经办人…</source>
        <translation>Units and agents…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="123" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="124" />
        <source>打印表格…</source>
        <translation>Print form…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="125" />
        <source>生成材料包…</source>
        <translation>Build submission pack…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="126" />
        <source>为名单中的员工批量生成材料包…</source>
        <translation>Build packs for the employees in the list…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="127" />
        <source>关于 hrdesk</source>
        <translation>About hrdesk</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="128" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="129" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="130" />
        <source>切换语言 (中文/English)</source>
        <translation>Switch language (中文/English)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="134" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="135" />
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="136" />
        <source>员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="137" />
        <source>表格与材料包</source>
        <translation>Forms and packs</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="138" />
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_menus.py" line="139" />
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="486" />
        <source>新员工</source>
        <translation>New employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="496" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="497" />
        <source>{name} 的档案有未保存的修改。要保存吗？</source>
        <translation>{name}'s profile has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="504" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="505" />
        <source>不保存</source>
        <translation>Don't save</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="516" />
        <source>已保存 ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="571" />
        <source>hrdesk 仍在运行</source>
        <translation>hrdesk is still running</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="573" />
        <source>窗口已关闭到托盘区，期限提醒照常。要退出请用“文件 → 退出”；可在设置中关闭此行为。</source>
        <translation>The window was closed to the tray; deadline reminders go on. To quit use File → Quit; this can be turned off in Settings.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/main_window.py" line="506" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MaterialWrites</name>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="46" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="87" />
        <source>正在保存并检查扫描件…</source>
        <translation>Saving and checking the scan…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="98" />
        <source>PDF 或图片 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>PDF or image (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="104" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="114" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="155" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="192" />
        <source>添加文件</source>
        <translation>Add files</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="104" />
        <source>请先在清单中选择一项材料。</source>
        <translation>Select a material in the checklist first.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="104" />
        <source>选择扫描件</source>
        <translation>Choose scans</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="114" />
        <source>请把文件拖到清单中对应的材料上。</source>
        <translation>Drop the files on the matching material in the checklist.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="133" />
        <source>正在检查扫描件…</source>
        <translation>Checking the scan…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="160" />
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="160" />
        <source>请先在清单中选择一项材料或一个文件。</source>
        <translation>Select a material or a file in the checklist first.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="160" />
        <source>选择新的扫描件</source>
        <translation>Choose the new scan</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="192" />
        <source>只能添加 PDF、JPG、PNG 文件：</source>
        <translation>Only PDF, JPG and PNG files can be added: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="205" />
        <source>请选中要移到回收站的文件（材料下面的文件行）。</source>
        <translation>Select the file to move to the trash (the file row under the material).</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="209" />
        <source>正在移到回收站…</source>
        <translation>Moving to the trash…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="214" />
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="252" />
        <source>形成/签发日期（YYYY-MM-DD，可空）</source>
        <translation>Issued on (YYYY-MM-DD, may be empty)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="253" />
        <source>有效期至（YYYY-MM-DD，可空）</source>
        <translation>Valid until (YYYY-MM-DD, may be empty)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="257" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="264" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="298" />
        <source>设置日期</source>
        <translation>Set dates</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="264" />
        <source>日期格式应为 2026-01-31</source>
        <translation>Use the form 2026-01-31</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="291" />
        <source>这份材料</source>
        <translation>this material</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="294" />
        <location filename="../../hrdesk/ui/materials/material_writes.py" line="301" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Materials</name>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="38" />
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="39" />
        <source>学历与资格</source>
        <translation>Education and titles</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="40" />
        <source>就业与收入</source>
        <translation>Employment and income</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="41" />
        <source>住所</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="42" />
        <source>家庭</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="43" />
        <source>申请条件材料</source>
        <translation>Qualifying-route materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="44" />
        <source>单位材料</source>
        <translation>Unit materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="50" />
        <source>齐全</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="51" />
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="52" />
        <source>有效期不足</source>
        <translation>Expires too soon</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="53" />
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="54" />
        <source>已超期</source>
        <translation>Too old</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="55" />
        <source>有缺陷</source>
        <translation>Defective</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="145" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="185" />
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="145" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="145" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="146" />
        <source>识别扫描件</source>
        <translation>Read scans</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="148" />
        <source>离线识别每份扫描件：是否本人、是否为该材料、印章、日期、页码顺序（结果在材料旁显示）</source>
        <translation>Read every scan offline: the right person, the right document, seals, dates, page order (results beside each file)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="150" />
        <source>从扫描件填写…</source>
        <translation>Fill from scans…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="151" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="287" />
        <source>添加页…</source>
        <translation>Add pages…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="152" />
        <source>给选中的材料再添加一个文件（更多页）</source>
        <translation>Add another file (more pages) to the selected material</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="153" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="286" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="291" />
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="155" />
        <source>用新扫描件替换选中的文件（选中材料时替换它的全部文件）；旧文件移到回收站</source>
        <translation>Replace the selected file with a new scan (all its files when a material is selected); the old file goes to the trash</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="157" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="297" />
        <source>移到回收站</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="158" />
        <source>撤销移除</source>
        <translation>Undo remove</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="159" />
        <source>回收站…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="253" />
        <source>可选材料</source>
        <translation>Optional materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="254" />
        <source>依据：{source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="266" />
        <source>未提供</source>
        <translation>Not provided</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="255" />
        <source>页</source>
        <translation>p.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="279" />
        <source>（未附文件）</source>
        <translation>(no file)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/checklist_tree.py" line="281" />
        <source>{file}：</source>
        <translation>{file}:</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="213" />
        <source>材料 {ok}/{total}</source>
        <translation>Materials {ok}/{total}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="246" />
        <source>正在读取材料…</source>
        <translation>Reading the materials…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="267" />
        <source>这份材料没有附文件</source>
        <translation>No file attached to this material</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="288" />
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="292" />
        <source>历史版本…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="295" />
        <source>设置日期…</source>
        <translation>Set dates…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="296" />
        <source>标记为已核实</source>
        <translation>Mark as verified</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="293" />
        <source>向左旋转</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/materials_panel.py" line="294" />
        <source>向右旋转</source>
        <translation>Rotate right</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_sections.py" line="39" />
        <source>金额不能为负数</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_sections.py" line="40" />
        <source>请填写数字金额，如 12500、12,500 或 1.25万</source>
        <translation>Enter an amount in figures, e.g. 12500 or 12,500</translation>
    </message>
</context>
<context>
    <name>NewFromFolderDialog</name>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="105" />
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="242" />
        <source>从文件夹新建员工</source>
        <translation>New employee from a folder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="108" />
        <source>正在读取 {folder} 中的扫描件…</source>
        <translation>Reading the scans in {folder}…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="118" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="120" />
        <source>新档案（勾选要采用的项）</source>
        <translation>New record (tick what to take)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="123" />
        <source>采用</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="123" />
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="123" />
        <source>扫描件上</source>
        <translation>On the scan</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="123" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="129" />
        <source>材料（勾选的文件附加到对应材料项）</source>
        <translation>Materials (ticked files are attached to their slots)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="131" />
        <source>附加</source>
        <translation>Attach</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="131" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="131" />
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="136" />
        <source>建立档案</source>
        <translation>Create record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="138" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="154" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="154" />
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="158" />
        <source>未识别（不附加）</source>
        <translation>Not recognised (not attached)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="183" />
        <source>{file} 第 {page} 页（置信度 {c:.0%}）</source>
        <translation>{file}, page {page} (confidence {c:.0%})</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="206" />
        <source>从 {file} 读出新档案的姓名和身份证号；{n} 个文件中 {k} 个已归入材料项。勾选要采用的项，再点“建立档案”；其余信息随后逐项确认。</source>
        <translation>Name and ID number read from {file}; {k} of {n} files sorted into material slots. Tick what to take, then click “Create record”; the other details are confirmed one by one afterwards.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="210" />
        <source>文件夹中没有读出姓名和身份证号的身份证或户口簿本人页：无法建立新档案。</source>
        <translation>No ID card or household-register page in the folder gave a name and ID number: no new record can be created.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="216" />
        <source>读取扫描件失败。</source>
        <translation>Reading the scans failed.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="242" />
        <source>请勾选姓名：新档案至少需要姓名。未建立档案。</source>
        <translation>Tick the name: a new record needs at least a name. No record was created.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="247" />
        <source>正在建立档案并附加 {n} 个文件…</source>
        <translation>Creating the record and attaching {n} files…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/new_from_folder.py" line="265" />
        <source>建立档案失败。</source>
        <translation>Creating the record failed.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="145" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="146" />
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="147" />
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="148" />
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="149" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="150" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="151" />
        <source>缩放比例（100% 为实际大小）</source>
        <translation>Zoom (100% is actual size)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="152" />
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="224" />
        <source>向左旋转</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="153" />
        <source>把这一页逆时针旋转 90°（原文件留在回收站）</source>
        <translation>Turn this page 90° anticlockwise (the original file stays in the trash)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="154" />
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="225" />
        <source>向右旋转</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="155" />
        <source>把这一页顺时针旋转 90°（原文件留在回收站）</source>
        <translation>Turn this page 90° clockwise (the original file stays in the trash)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="227" />
        <source>上移一页</source>
        <translation>Move page up</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="229" />
        <source>下移一页</source>
        <translation>Move page down</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="323" />
        <source>无法预览此文件</source>
        <translation>This file cannot be previewed</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="157" />
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="256" />
        <source>选择一份材料以预览</source>
        <translation>Select a material to preview it</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/pdf_preview.py" line="289" />
        <source>正在渲染…</source>
        <translation>Rendering…</translation>
    </message>
</context>
<context>
    <name>ProfileChecks</name>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="28" />
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="38" />
        <source>应为18位：17位数字加1位数字或X</source>
        <translation>Must be 18 characters: 17 digits, then a digit or X</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="39" />
        <source>校验位不符，请核对号码（多为录入错误）</source>
        <translation>The check digit does not match; check the number (usually a typing error)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="40" />
        <source>号码中的出生日期不存在</source>
        <translation>The birth date in the number does not exist</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="43" />
        <source>请先在“单位”中添加单位</source>
        <translation>Add a unit first</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="59" />
        <source>入职日期不能晚于今天</source>
        <translation>The hire date cannot be after today</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="61" />
        <source>毕业日期不能晚于今天</source>
        <translation>The graduation date cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="66" />
        <source>产权人身份证号无效，请核对（可留空）</source>
        <translation>The owner's ID number is not valid; check it (or leave it empty)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="68" />
        <source>持证时须填写有效期</source>
        <translation>Enter the expiry date of the permit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="83" />
        <source>持股比例应为 0 到 100 之间的数字，如 12.5</source>
        <translation>The shareholding must be a number from 0 to 100, e.g. 12.5</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="86" />
        <source>以下月份的金额不是有效数字：</source>
        <translation>These months have an invalid amount: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_checks.py" line="90" />
        <source>以下年度的金额不是有效数字：</source>
        <translation>These years do not hold a valid amount: </translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="75" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="76" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="77" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="78" />
        <source>户籍</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="82" />
        <source>入职日期</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="83" />
        <source>参加工作日期</source>
        <translation>Career started on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="109" />
        <source>最高学位</source>
        <translation>Highest degree</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="117" />
        <source>职称</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="84" />
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="85" />
        <source>劳动合同终止日期</source>
        <translation>Contract ends on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="233" />
        <source>住所类型</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="235" />
        <source>住所证明有效期至</source>
        <translation>Housing proof valid until</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="237" />
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="263" />
        <source>证件状态</source>
        <translation>Permit status</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="264" />
        <source>证件编号</source>
        <translation>Permit number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="265" />
        <source>签发日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="266" />
        <source>有效期至</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="267" />
        <source>离开原单位日期</source>
        <translation>Left previous unit on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="73" />
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="232" />
        <source>在京住所</source>
        <translation>Residence in Beijing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="262" />
        <source>工作居住证</source>
        <translation>Work residence permit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="224" />
        <source>近6个月申报收入（元）</source>
        <translation>Declared income, last 6 months (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="32" />
        <source>按身份证推算</source>
        <translation>From the ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="36" />
        <source>（未登记）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="37" />
        <source>（未持证）</source>
        <translation>(no permit)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="79" />
        <source>户口本内容有变更</source>
        <translation>Household register changed</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="80" />
        <source>退休年龄类别</source>
        <translation>Retirement age category</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="81" />
        <source>已办理退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="93" />
        <source>劳动关系</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="94" />
        <source>劳务派遣人员</source>
        <translation>Dispatched worker</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="100" />
        <source>申请单位同时是</source>
        <translation>The applying unit also</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="102" />
        <source>有犯罪记录</source>
        <translation>Criminal record</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="108" />
        <source>学历与职称</source>
        <translation>Education and title</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="113" />
        <source>境外学位（留服认证）</source>
        <translation>Foreign degree (CSCSE verified)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="116" />
        <source>毕业日期</source>
        <translation>Graduation date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="122" />
        <source>奖项与人才计划</source>
        <translation>Awards and talent programmes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="124" />
        <source>国家级、市级奖项（每行一项）</source>
        <translation>National or municipal awards (one per line)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="129" />
        <source>入选人才计划（每行一项）</source>
        <translation>Talent programmes (one per line)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="139" />
        <source>知识产权</source>
        <translation>Intellectual property</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="143" />
        <source>发明专利（件）</source>
        <translation>Invention patents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="147" />
        <source>其他专利（件）</source>
        <translation>Other patents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="152" />
        <source>软件著作权（件）</source>
        <translation>Software copyrights</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="155" />
        <source>本人排名</source>
        <translation>Own rank as inventor or author</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="159" />
        <source>已在京转化应用</source>
        <translation>Commercialised in Beijing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="171" />
        <source>创业团队核心成员</source>
        <translation>Founder (core team member)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="172" />
        <source>是创业团队核心成员</source>
        <translation>Is a core founder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="174" />
        <source>持股比例（%）</source>
        <translation>Shareholding (%)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="179" />
        <source>自然人股东排名</source>
        <translation>Rank among natural-person shareholders</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="185" />
        <source>近3年自有资金投入（元）</source>
        <translation>Own investment, last 3 years (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="191" />
        <source>股权融资（元）</source>
        <translation>Equity financing (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="194" />
        <source>近3年年均纳税（元）</source>
        <translation>Team's average annual tax, last 3 years (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="200" />
        <source>自由职业者、个体工商户</source>
        <translation>Freelancer or sole trader</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="204" />
        <source>是自由职业者或个体工商户</source>
        <translation>Is a freelancer or sole trader</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="208" />
        <source>每年纳税额（元）</source>
        <translation>Tax paid per year (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="213" />
        <source>有突出贡献</source>
        <translation>Notable contribution</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="223" />
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="226" />
        <source>年度收入（元）</source>
        <translation>Annual income (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="247" />
        <source>住宅用途（非办公、商业）</source>
        <translation>Residential use (not office or commercial)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="250" />
        <source>出租人即产权人</source>
        <translation>The lessor owns the property</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="251" />
        <source>产权人姓名</source>
        <translation>Owner's name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="252" />
        <source>产权人身份证号</source>
        <translation>Owner's ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="253" />
        <source>与产权人关系</source>
        <translation>Relationship to the owner</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="150" />
        <source>另一台电脑已修改</source>
        <translation>Changed on another computer</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="151" />
        <source>在您打开这份档案之后，另一位同事保存了修改。</source>
        <translation>A colleague saved changes to this record after you opened it.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="154" />
        <source>合并：保留双方的修改（同一项都改过时以您的为准）。覆盖：以您的版本为准。重新载入：放弃您的修改。</source>
        <translation>Merge: keep both sets of changes (where both changed the same field, yours wins). Overwrite: your version replaces theirs. Reload: drop your changes.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="157" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="158" />
        <source>覆盖</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_form.py" line="159" />
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>ProfileLayout</name>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="308" />
        <source>税款所属期</source>
        <translation>Tax month</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="308" />
        <source>申报收入</source>
        <translation>Declared income</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="309" />
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="310" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="309" />
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="310" />
        <source>纳税额</source>
        <translation>Tax paid</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="321" />
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="329" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="330" />
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="334" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="335" />
        <source>第一发明人（作者）</source>
        <translation>First inventor (author)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="336" />
        <source>第二发明人（作者）</source>
        <translation>Second inventor (author)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="337" />
        <source>第三及以后</source>
        <translation>Third or later</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="341" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="342" />
        <source>撤销修改</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/profile_layout.py" line="365" />
        <source>依据：</source>
        <translation>Guide: </translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="35" />
        <source>期限提醒</source>
        <translation>Deadline reminders</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="40" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="40" />
        <source>员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="40" />
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="46" />
        <source>【已逾期】</source>
        <translation>[OVERDUE] </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="56" />
        <source>打开员工</source>
        <translation>Open employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="57" />
        <source>推迟 1 天</source>
        <translation>Snooze 1 day</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="58" />
        <source>推迟 1 周</source>
        <translation>Snooze 1 week</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/reminders_dialog.py" line="59" />
        <source>不再提醒</source>
        <translation>Dismiss reminder</translation>
    </message>
</context>
<context>
    <name>ScanReading</name>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="36" />
        <source>识别：未发现问题</source>
        <translation>Read: no problem found</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="37" />
        <source>第 {page} 页</source>
        <translation>page {page}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="59" />
        <source>识别扫描件</source>
        <translation>Read scans</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="59" />
        <source>此安装不含离线识别组件。</source>
        <translation>This installation has no offline reading (OCR) component.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="64" />
        <source>正在识别扫描件…</source>
        <translation>Reading the scans…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="76" />
        <source>正在识别扫描件：{d} / {n} 页</source>
        <translation>Reading the scans: page {d} of {n}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/scan_reading.py" line="92" />
        <source>识别完成：{n} 份扫描件，{p} 处需要核对（见各文件右侧）。</source>
        <translation>Read {n} scans: {p} points to check (beside each file).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="89" />
        <source>保存在系统钥匙串中，不写入文件</source>
        <translation>kept in the system keyring, never in a file</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="90" />
        <source>共享数据库（留空则用本机数据库）</source>
        <translation>Shared database (empty: this computer's own)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="91" />
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="367" />
        <source>无法把密码保存到系统钥匙串：{e}</source>
        <translation>Cannot keep the password in the system keyring: {e}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="372" />
        <source>数据库设置将在重新启动 hrdesk 后生效。</source>
        <translation>The database setting applies when hrdesk starts again.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="61" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="363" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="367" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="372" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="378" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="45" />
        <source>昌平区</source>
        <translation>Changping</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="46" />
        <source>延庆区</source>
        <translation>Yanqing</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="72" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="78" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="81" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="84" />
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="93" />
        <source>提前提醒天数（逗号分隔）</source>
        <translation>Reminder lead times (days, comma-separated)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="96" />
        <source>关闭窗口时留在托盘区（提醒照常）</source>
        <translation>Closing the window keeps hrdesk in the tray (reminders go on)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="102" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="338" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="341" />
        <source>扫描件检查</source>
        <translation>Scan checks</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="110" />
        <source>按新设置重新检查全部材料</source>
        <translation>Re-check all materials with these settings</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="112" />
        <source>最低扫描分辨率（dpi）</source>
        <translation>Minimum scan resolution (dpi)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="113" />
        <source>单个文件上传上限（MB）</source>
        <translation>Upload limit per file (MB)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="117" />
        <source>本市全口径城镇单位就业人员月平均工资</source>
        <translation>Beijing average monthly wage (all urban employees)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="121" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="141" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="121" />
        <source>月平均工资</source>
        <translation>Monthly average wage</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="121" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="144" />
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="121" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="137" />
        <source>元/月</source>
        <translation>CNY/month</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="139" />
        <source>添加或更新</source>
        <translation>Add or update</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="157" />
        <source>节假日安排（内置日历未包含的年份）</source>
        <translation>Holiday schedule (years the built-in calendar lacks)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="167" />
        <source>保存该年节假日</source>
        <translation>Save this year's holidays</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="172" />
        <source>粘贴国务院办公厅《关于××年部分节假日安排的通知》全文，然后点击“识别通知”</source>
        <translation>Paste the full text of the State Council's notice on the year's holidays (关于××年部分节假日安排的通知), then click “Read notice”</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="175" />
        <source>识别通知</source>
        <translation>Read notice</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="177" />
        <source>粘贴国务院放假通知</source>
        <translation>Paste the State Council holiday notice</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="202" />
        <source>用户录入（点击“确定”后生效）</source>
        <translation>Entered by user (applies after OK)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="234" />
        <source>请输入正整数金额（元/月）</source>
        <translation>Enter a positive whole amount (CNY/month)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="239" />
        <source>正在计算影响…</source>
        <translation>Working out the effect…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="252" />
        <source>此工资标准不改变任何员工当前的收入门槛。点击“确定”后保存。</source>
        <translation>This wage figure changes no employee's current income threshold. It is saved when you click OK.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="256" />
        <source>此工资标准将使 {n} 名员工的收入门槛从 {before:,} 变为 {after:,}（{district}，自 {on} 起）。</source>
        <translation>This wage figure changes the income threshold of {n} employee(s) from {before:,} to {after:,} ({district}, from {on}).</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="267" />
        <source>点击“确定”后保存，“取消”则不作任何更改。</source>
        <translation>It is saved when you click OK; Cancel changes nothing.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="292" />
        <source>{year} 年已由内置日历提供。</source>
        <translation>{year} is already in the built-in calendar.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="300" />
        <source>已识别 {year} 年：放假 {h} 天，调休上班 {w} 天。请核对后点击“保存该年节假日”。</source>
        <translation>Read {year}: {h} days off, {w} make-up working days. Check them, then click “Save this year's holidays”.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="305" />
        <source>通知中还有 {years} 年的日期（元旦假期跨年），如该年不在内置日历中，请另行录入。</source>
        <translation>The notice also has dates in {years} (a New Year break across the year end); enter them for that year if the built-in calendar lacks it.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="179" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="180" />
        <source>放假日期</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="181" />
        <source>调休上班日期</source>
        <translation>Make-up workdays</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="234" />
        <source>工资标准</source>
        <translation>Reference wage</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="288" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="292" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="307" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="317" />
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="319" />
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="317" />
        <source>日期有误：</source>
        <translation>Invalid date: </translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="319" />
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="331" />
        <source>正在重新检查材料…</source>
        <translation>Re-checking materials…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="331" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="338" />
        <source>检查完成，{n} 份材料的结果有变化。</source>
        <translation>Done: {n} materials changed verdict.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/desks/settings_dialog.py" line="378" />
        <source>提前提醒天数应为以逗号分隔的整数</source>
        <translation>Lead times must be whole numbers separated by commas</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="66" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="67" />
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="75" />
        <source>可申报</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="76" />
        <source>缺材料</source>
        <translation>Missing materials</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="77" />
        <source>不符合条件</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="78" />
        <source>待续签</source>
        <translation>Renewal due</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="79" />
        <source>持证有效</source>
        <translation>Permit valid</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="80" />
        <source>已失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="81" />
        <source>挂起</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/employees/employee_model.py" line="82" />
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="75" />
        <source>历史版本</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="75" />
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="84" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="84" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="84" />
        <source>文件 / 证件号</source>
        <translation>File / ID number</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="84" />
        <source>所属</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="84" />
        <source>移入时间</source>
        <translation>Moved to trash</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="90" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="91" />
        <source>清空回收站…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="94" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="112" />
        <source>正在读取回收站…</source>
        <translation>Reading the trash…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="136" />
        <source>材料文件</source>
        <translation>Material file</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="136" />
        <source>员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="153" />
        <source>回收站里有 {files} 个材料文件、{people} 名员工。恢复前它们不会进入材料包。</source>
        <translation>The trash holds {files} material files and {people} employees. Until restored they never go into a pack.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="149" />
        <source>回收站是空的。</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="213" />
        <source>正在清空回收站…</source>
        <translation>Emptying the trash…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="38" />
        <source>清空回收站</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="39" />
        <source>永久删除回收站里的全部材料文件和员工记录吗？此操作不能撤销。</source>
        <translation>Delete every material file and employee record in the trash for good? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="200" />
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/materials/trash_view.py" line="209" />
        <source>回收站已清空，释放了 {n} 个文件。</source>
        <translation>The trash is empty; {n} files were freed.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="102" />
        <source>打开 hrdesk</source>
        <translation>Open hrdesk</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="103" />
        <source>近期期限</source>
        <translation>Upcoming deadlines</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="104" />
        <source>暂停提醒</source>
        <translation>Pause reminders</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="105" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="177" />
        <source>hrdesk：7天内有 {n} 项期限</source>
        <translation>hrdesk: {n} deadlines within 7 days</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="179" />
        <source>hrdesk：{o} 项已逾期！</source>
        <translation>hrdesk: {o} overdue!</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="197" />
        <source>（另有 {n} 项，点击查看）</source>
        <translation> ({n} more, click to see)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="262" />
        <source>（提醒已推迟）</source>
        <translation> (reminder snoozed)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="266" />
        <source>打开员工</source>
        <translation>Open employee</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="270" />
        <source>提醒推迟 1 天</source>
        <translation>Snooze reminder 1 day</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="273" />
        <source>提醒推迟 1 周</source>
        <translation>Snooze reminder 1 week</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="276" />
        <source>不再提醒</source>
        <translation>Dismiss reminder</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="199" />
        <source>工作居住证期限提醒</source>
        <translation>Work residence permit deadline</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="199" />
        <source>{n} 项已逾期！</source>
        <translation>{n} overdue!</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="259" />
        <source>两周内没有期限</source>
        <translation>No deadlines in the next two weeks</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="196" />
        <location filename="../../hrdesk/ui/deadlines/tray.py" line="261" />
        <source>【已逾期】</source>
        <translation>[OVERDUE] </translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="118" />
        <source>单位与经办人</source>
        <translation>Units and agents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="124" />
        <source>新建单位</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="155" />
        <source>信用良好，无违法违规记录</source>
        <translation>In good standing, no violations</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="156" />
        <source>已开通业务办理权限</source>
        <translation>Permission granted</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="157" />
        <source>经营范围列入禁止和限制目录</source>
        <translation>Business on the restricted-industry list</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="160" />
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="163" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="164" />
        <source>统一社会信用代码</source>
        <translation>Unified credit code</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="165" />
        <source>所在区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="166" />
        <source>单位类型</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="167" />
        <source>登记注册日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="168" />
        <source>注册资本（元）</source>
        <translation>Registered capital (CNY)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="169" />
        <source>本区纳税起始日期</source>
        <translation>Paying tax in the district since</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="170" />
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="171" />
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="458" />
        <source>{y} 年纳税额（元，不含个税）</source>
        <translation>Tax paid in {y} (CNY, excl. IIT)</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="172" />
        <source>科技创新主体</source>
        <translation>Innovation entity</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="173" />
        <source>科技创新服务主体</source>
        <translation>Service entity</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="174" />
        <source>剩余新办指标</source>
        <translation>New-application quota left</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="187" />
        <source>业务经办人</source>
        <translation>Business agents</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="193" />
        <source>添加经办人</source>
        <translation>Add agent</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="194" />
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="195" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="210" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="211" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="283" />
        <source>未在本单位参保</source>
        <translation>not insured by this unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="285" />
        <source>已停用</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="298" />
        <source>请先保存单位</source>
        <translation>Save the unit first</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="336" />
        <source>这位经办人</source>
        <translation>this agent</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="347" />
        <source>删除经办人</source>
        <translation>Delete agent</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="347" />
        <source>删除经办人“{name}”？</source>
        <translation>Delete the agent “{name}”?</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="353" />
        <source>另一台电脑刚修改了这位经办人，请查看后再删除。</source>
        <translation>Another computer has just changed this agent. Please check the change before deleting.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="383" />
        <source>{label}不能为负数</source>
        <translation>{label} cannot be negative</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="385" />
        <source>{label}应为数字金额，如 350000、350,000 或 35万</source>
        <translation>{label} must be an amount in figures, e.g. 350000 or 350,000</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="392" />
        <source>单位名称必填</source>
        <translation>The unit name is required</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="399" />
        <source>纳税额</source>
        <translation>Tax paid</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="408" />
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="425" />
        <source>这个单位</source>
        <translation>this unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="442" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/units/units_dialog.py" line="442" />
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>WindowLoads</name>
    <message>
        <location filename="../../hrdesk/ui/window_loads.py" line="135" />
        <source>正在更新状态：{d} / {n}</source>
        <translation>Updating statuses: {d} / {n}</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/window_loads.py" line="202" />
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../hrdesk/ui/app.py" line="78" />
        <source>提醒：{n} 项期限临近，见“期限日历”。</source>
        <translation>Reminder: {n} deadlines are near; see the deadline calendar.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/app.py" line="84" />
        <source>本系统没有托盘区：提醒将显示在窗口中。</source>
        <translation>This desktop has no system tray: reminders will show in the window.</translation>
    </message>
    <message>
        <location filename="../../hrdesk/ui/app.py" line="146" />
        <source>今天的自动备份没有完成：{m}</source>
        <translation>Today's automatic backup did not finish: {m}</translation>
    </message>
</context>
</TS>